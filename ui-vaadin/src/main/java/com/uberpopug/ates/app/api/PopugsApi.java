package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.ListPopugs;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /api/me} for everyone logged in; {@code /api/popugs…} for admins (see the security configuration). */
@RestController
class PopugsApi {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final Callers callers;

    PopugsApi(CommandGateway commands, QueryGateway queries, Callers callers) {
        this.commands = commands;
        this.queries = queries;
        this.callers = callers;
    }

    record Me(UUID id, String username, String fullName, String email, Role role) {
    }

    record NewPopug(String username, String fullName, String email, Role role, String password) {
    }

    record NewRole(Role role) {
    }

    @GetMapping("/api/me")
    Me me(Authentication current) {
        PopugProfile me = callers.profile(current);
        return new Me(me.id(), me.username(), me.fullName(), me.email(), me.role());
    }

    @GetMapping("/api/popugs")
    List<PopugProfile> list() {
        return queries.query(new ListPopugs(), ResponseTypes.multipleInstancesOf(PopugProfile.class)).join();
    }

    @PostMapping("/api/popugs")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> register(@RequestBody NewPopug popug) {
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), popug.username(), popug.fullName(),
                popug.email(), popug.role(), popug.password()));
        return Map.of("id", id);
    }

    @PutMapping("/api/popugs/{id}/role")
    void changeRole(@PathVariable UUID id, @RequestBody NewRole change) {
        commands.sendAndWait(new ChangePopugRole(id, change.role()));
    }

    @PostMapping("/api/popugs/{id}/deactivate")
    void deactivate(@PathVariable UUID id) {
        commands.sendAndWait(new DeactivatePopug(id));
    }
}
