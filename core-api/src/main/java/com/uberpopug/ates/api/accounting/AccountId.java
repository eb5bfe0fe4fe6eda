package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/**
 * The identifier of a popug's account in the event store. Not the popug id itself: aggregate ids share
 * one space in the event store, and the popug id already names the identity context's Popug.
 */
public record AccountId(UUID popugId) {

    public static String of(UUID popugId) {
        return popugId == null ? null : "account-" + popugId;
    }

    @Override
    public String toString() {
        return of(popugId);
    }
}
