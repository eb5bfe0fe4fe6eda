package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.Role;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Arrays;

/** The popug logged in to this browser session, as identity knows them (profile cached in Redis). */
@Component
class CurrentPopug {

    private final AuthenticationContext authentication;
    private final QueryGateway queries;

    CurrentPopug(AuthenticationContext authentication, QueryGateway queries) {
        this.authentication = authentication;
        this.queries = queries;
    }

    PopugProfile profile() {
        String username = authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No popug is logged in"));
        PopugProfile popug = queries.query(new FindPopugByUsername(username), PopugProfile.class).join();
        if (popug == null) {
            throw new IllegalStateException("The logged-in popug " + username + " is unknown to identity");
        }
        return popug;
    }

    boolean hasAnyRole(Role... roles) {
        return Arrays.stream(roles).anyMatch(role -> authentication.hasRole(role.name()));
    }
}
