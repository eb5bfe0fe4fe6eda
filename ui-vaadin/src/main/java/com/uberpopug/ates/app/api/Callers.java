package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.PopugProfile;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Who calls the API, as identity knows them (the profile is cached in Redis). */
@Component
class Callers {

    private final QueryGateway queries;

    Callers(QueryGateway queries) {
        this.queries = queries;
    }

    PopugProfile profile(Authentication caller) {
        return queries.query(new FindPopugByUsername(caller.getName()), PopugProfile.class).join();
    }

    UUID id(Authentication caller) {
        return profile(caller).id();
    }
}
