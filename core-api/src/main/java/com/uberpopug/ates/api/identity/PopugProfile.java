package com.uberpopug.ates.api.identity;

import java.io.Serializable;
import java.util.UUID;

/** Who a popug is, as identity knows it. Serializable: it is cached in Redis. */
public record PopugProfile(UUID id, String username, String fullName, String email, Role role, boolean active)
        implements Serializable {
}
