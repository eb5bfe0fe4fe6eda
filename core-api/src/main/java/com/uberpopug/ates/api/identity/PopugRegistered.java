package com.uberpopug.ates.api.identity;

import org.axonframework.serialization.Revision;

import java.util.UUID;

/** A popug joined. Carries no password: credentials stay in identity's own table. */
@Revision("1")
public record PopugRegistered(UUID popugId, String username, String fullName, String email, Role role) {
}
