package com.uberpopug.ates.app;

import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /actuator/health answers without login; the state of each real service is shown to admins only.
 * The users are existing popugs with their own roles: sessions of unknown or inactive popugs, and of popugs
 * whose role is not the session's, end.
 */
@AtesSpringTest
class HealthEndpointTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    CommandGateway commands;

    @Test
    void anyoneSeesWhetherTheApplicationIsUpButNoDetails() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"))
                .andExpect(jsonPath("$.components").doesNotExist());
    }

    @Test
    @WithMockUser(username = "admin", roles = "ADMIN")
    void adminsSeeEachServiceUp() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.db.details.database").value("PostgreSQL"))
                .andExpect(jsonPath("$.components.redis.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.status").value("UP"))
                .andExpect(jsonPath("$.components.kafka.details.brokers").value(1))
                .andExpect(jsonPath("$.components.clickHouse.status").value("UP"))
                .andExpect(jsonPath("$.components.clickHouse.details.version").exists());
    }

    @Test
    void otherRolesSeeNoDetails() throws Exception {
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        mvc.perform(get("/actuator/health").with(user(worker.username()).roles(Role.WORKER.name())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
