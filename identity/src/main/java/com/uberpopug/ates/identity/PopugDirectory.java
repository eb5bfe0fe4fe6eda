package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.ListPopugs;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.identity.access.PopugProfiles;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Answers who popugs are, through the query bus, from {@link PopugProfiles} (its cache included). */
@Component
class PopugDirectory {

    private final PopugProfiles profiles;

    PopugDirectory(PopugProfiles profiles) {
        this.profiles = profiles;
    }

    @QueryHandler
    public PopugProfile find(FindPopugByUsername query) {
        return profiles.byUsername(query.username()).orElse(null);
    }

    @QueryHandler
    List<PopugProfile> list(ListPopugs query) {
        return new ArrayList<>(profiles.all());
    }
}
