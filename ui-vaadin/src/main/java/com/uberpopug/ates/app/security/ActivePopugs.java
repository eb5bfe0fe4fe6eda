package com.uberpopug.ates.app.security;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.PopugProfile;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** Who is logged in right now, asked of identity (cached in Redis) on every API call and browser request. */
@Component
class ActivePopugs {

    private final QueryGateway queries;

    ActivePopugs(QueryGateway queries) {
        this.queries = queries;
    }

    /** The popug as a Spring Security user, if they exist and are active; no password. */
    Optional<UserDetails> find(String username) {
        PopugProfile popug = queries.query(new FindPopugByUsername(username), PopugProfile.class).join();
        if (popug == null || !popug.active()) {
            return Optional.empty();
        }
        return Optional.of(new PopugUser(popug));
    }
}
