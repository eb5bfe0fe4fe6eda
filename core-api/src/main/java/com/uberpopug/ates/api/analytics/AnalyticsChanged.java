package com.uberpopug.ates.api.analytics;

/** Update of analytics subscriptions: ClickHouse took in a batch of balance changes, over this many business days. */
public record AnalyticsChanged(int days) {
}
