package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.app.security.PopugUser;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Who calls the API, as identity knows them (asked once per request; the profile is cached in Redis). */
@Component
class Callers {

    private final QueryGateway queries;

    Callers(QueryGateway queries) {
        this.queries = queries;
    }

    /** The profile the bearer token's check read for this request, or identity's answer for a browser session. */
    PopugProfile profile(Authentication caller) {
        if (caller.getPrincipal() instanceof PopugUser user) {
            return user.profile();
        }
        return queries.query(new FindPopugByUsername(caller.getName()), PopugProfile.class).join();
    }

    UUID id(Authentication caller) {
        return profile(caller).id();
    }
}
