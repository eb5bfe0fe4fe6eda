package com.uberpopug.ates.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * /actuator/prometheus: command rates (Axon's monitors), processor lag, dead letters and the
 * publisher's backlog; for admins' bearer tokens only.
 */
@AtesSpringTest
class PrometheusEndpointTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CommandGateway commands;

    @Test
    void adminsScrapeCommandRatesProcessorLagDeadLettersAndBacklog() throws Exception {
        TestPopugs.register(commands, Role.WORKER);
        String metrics = new ApiClient(mvc, json, tokens).call(get("/actuator/prometheus"), "admin", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .containsPattern("(?m)^commandBus_successCounter_total\\{payloadType=\"RegisterPopug\"} [1-9]")
                .containsPattern("(?m)^ates_processor_lag_events\\{processor=\"task-board\"} \\d")
                .containsPattern("(?m)^ates_processor_lag_seconds\\{processor=\"accounting\"} \\d")
                .containsPattern("(?m)^ates_processor_dead_letters\\{processor=\"analytics\"} 0\\.0")
                .containsPattern("(?m)^ates_processor_running\\{processor=\"kafka-publisher\"} 1\\.0")
                .containsPattern("(?m)^ates_publisher_backlog_events \\d");
    }

    /**
     * Each API request is timed once, as {@code http.server.requests}, a login too; Spring Security's own timers of
     * every filter and every authorization decision of a request are off, and so is the timer of requests still
     * running (docs/PERFORMANCE.md).
     */
    @Test
    void requestsAreTimedOnceNotPerSecurityFilter() throws Exception {
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                Map.of("username", worker.username(), "password", TestPopugs.PASSWORD)))).andExpect(status().is2xxSuccessful());
        ApiClient api = new ApiClient(mvc, json, tokens);
        api.call(get("/api/me"), worker.username(), null).andExpect(status().isOk());
        String metrics = api.call(get("/actuator/prometheus"), "admin", null)
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(metrics)
                .containsPattern("(?m)^http_server_requests_seconds_count\\{.*uri=\"/api/me\".*} [1-9]")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{.*method=\"POST\".*uri=\"/api/auth/token\".*} [1-9]")
                .doesNotContainPattern("(?m)^spring_security_")
                .doesNotContainPattern("(?m)^http_server_requests_active_seconds");
    }

    @Test
    void othersAreTurnedAway() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        new ApiClient(mvc, json, tokens).call(get("/actuator/prometheus"), worker.username(), null)
                .andExpect(status().isForbidden());
    }
}
