package com.uberpopug.ates.app.security;

import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.identity.access.PopugProfiles;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Who is logged in right now, asked of identity's profiles (cached in Redis) on every API call and browser
 * request: directly, not through the query bus (docs/PERFORMANCE.md, live throughput).
 */
@Component
class ActivePopugs {

    private final PopugProfiles profiles;

    ActivePopugs(PopugProfiles profiles) {
        this.profiles = profiles;
    }

    /** The popug as a Spring Security user, if they exist and are active; no password. */
    Optional<UserDetails> find(String username) {
        return profiles.byUsername(username).filter(PopugProfile::active).map(PopugUser::new);
    }
}
