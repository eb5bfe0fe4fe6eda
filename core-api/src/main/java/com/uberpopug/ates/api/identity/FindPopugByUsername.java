package com.uberpopug.ates.api.identity;

/** Answers a {@link PopugProfile}, or null when there is no such popug. */
public record FindPopugByUsername(String username) {
}
