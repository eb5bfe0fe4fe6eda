package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.ListPopugs;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Answers who popugs are, from identity's own table (consistent with the last command). */
@Component
class PopugDirectory {

    static final String PROFILES = "popug-profiles";
    private static final String COLUMNS = "popug_id, username, full_name, email, role, active";
    private static final RowMapper<PopugProfile> PROFILE = (rs, row) -> new PopugProfile(
            rs.getObject("popug_id", UUID.class), rs.getString("username"), rs.getString("full_name"),
            rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;

    PopugDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Cached in Redis (every API call and browser request asks it); evicted by {@link PopugAccountsUpdater}. */
    @QueryHandler
    @Cacheable(cacheNames = PROFILES, key = "#query.username()", unless = "#result == null")
    public PopugProfile find(FindPopugByUsername query) {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity_popugs WHERE username = ?", PROFILE, query.username())
                .stream().findFirst().orElse(null);
    }

    @QueryHandler
    List<PopugProfile> list(ListPopugs query) {
        return new ArrayList<>(jdbc.query("SELECT " + COLUMNS + " FROM identity_popugs ORDER BY username", PROFILE));
    }
}
