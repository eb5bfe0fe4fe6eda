package com.uberpopug.ates.api.identity;

import java.util.UUID;

/** Who a popug is, as identity knows it. */
public record PopugProfile(UUID id, String username, String fullName, String email, Role role, boolean active) {
}
