package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/** A popug's {@link AuditLogEntry}s of the business days {@code from}..{@code to} (inclusive), oldest first. */
public record FindAuditLog(UUID popugId, LocalDate from, LocalDate to) {
}
