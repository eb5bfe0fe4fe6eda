package com.uberpopug.ates.api.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A popug left: no more logins, no more tasks. Final. */
@Revision("1")
public record PopugDeactivated(UUID popugId) {
}
