package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/** A popug's account exists, with a balance of zero. */
public record AccountOpened(UUID popugId) {
}
