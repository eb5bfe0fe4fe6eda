package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.identity.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Optional;
import java.util.UUID;

/** The {@code identity_popugs} table: usernames (unique), password hashes, role and whether active. */
@Repository
class PopugAccounts {

    private final JdbcTemplate jdbc;

    PopugAccounts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean usernameTaken(String username) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM identity_popugs WHERE username = ?)", Boolean.class, username));
    }

    void add(UUID popugId, String username, String fullName, String email, Role role, String passwordHash) {
        jdbc.update("INSERT INTO identity_popugs (popug_id, username, full_name, email, role, password_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", popugId, username, fullName, email, role.name(), passwordHash);
    }

    void changeRole(UUID popugId, Role role) {
        jdbc.update("UPDATE identity_popugs SET role = ? WHERE popug_id = ?", role.name(), popugId);
    }

    void deactivate(UUID popugId) {
        jdbc.update("UPDATE identity_popugs SET active = FALSE WHERE popug_id = ?", popugId);
    }

    Optional<String> usernameOf(UUID popugId) {
        return jdbc.queryForList("SELECT username FROM identity_popugs WHERE popug_id = ?", String.class, popugId)
                .stream().findFirst();
    }

    boolean anyActiveAdmin() {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM identity_popugs WHERE role = 'ADMIN' AND active)", Boolean.class));
    }

    Optional<Login> login(String username) {
        return jdbc.query("SELECT username, password_hash, role, active FROM identity_popugs WHERE username = ?",
                (rs, row) -> new Login(rs.getString("username"),
                        rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getBoolean("active")),
                username).stream().findFirst();
    }

    record Login(String username, String passwordHash, Role role, boolean active) {
    }
}
