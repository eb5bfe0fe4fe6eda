package com.uberpopug.ates.identity.access;

import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.Role;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who popugs are, from identity's own table (consistent with the last command). A popug by username is cached
 * in Redis: the security filters ask it on every API call and browser request, directly rather than through
 * the query bus, whose unit of work and transaction around a cache read were a tenth of an API call's time
 * (docs/PERFORMANCE.md). Identity's query handlers answer from here too, so there is one cache, which
 * identity empties of a popug whose role or state changes.
 */
@Component
public class PopugProfiles {

    /** The cache of popugs by username (values JSON, keys the usernames). */
    public static final String CACHE = "popug-profiles";
    private static final String COLUMNS = "popug_id, username, full_name, email, role, active";
    private static final RowMapper<PopugProfile> PROFILE = (rs, row) -> new PopugProfile(
            rs.getObject("popug_id", UUID.class), rs.getString("username"), rs.getString("full_name"),
            rs.getString("email"), Role.valueOf(rs.getString("role")), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;

    PopugProfiles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Active or not; an unknown username is not cached, so a popug registered later is found at once. */
    @Cacheable(cacheNames = CACHE, unless = "#result == null")
    public Optional<PopugProfile> byUsername(String username) {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity_popugs WHERE username = ?", PROFILE, username)
                .stream().findFirst();
    }

    public List<PopugProfile> all() {
        return jdbc.query("SELECT " + COLUMNS + " FROM identity_popugs ORDER BY username", PROFILE);
    }
}
