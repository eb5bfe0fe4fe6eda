package com.uberpopug.ates.api.identity;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * Registers a popug. The password goes to the credentials store only, never into an event, and
 * never into a log line: {@link #toString()} hides it.
 */
public record RegisterPopug(@TargetAggregateIdentifier UUID popugId, String username, String fullName, String email,
                            Role role, String password) {

    @Override
    public String toString() {
        return "RegisterPopug[popugId=" + popugId + ", username=" + username + ", fullName=" + fullName
                + ", email=" + email + ", role=" + role + ", password=(hidden)]";
    }
}
