package com.uberpopug.ates.app.security;

import com.uberpopug.ates.api.identity.PopugProfile;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.List;

/**
 * An active popug as Spring Security's user, with the profile identity answered for this request: the API
 * reads the caller's id and role from it instead of asking identity a second time.
 */
public final class PopugUser extends User {

    private final PopugProfile profile;

    PopugUser(PopugProfile profile) {
        super(profile.username(), "", List.of(new SimpleGrantedAuthority("ROLE_" + profile.role().name())));
        this.profile = profile;
    }

    public PopugProfile profile() {
        return profile;
    }
}
