package com.uberpopug.ates.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

    @Test
    void othersAreTurnedAway() throws Exception {
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        new ApiClient(mvc, json, tokens).call(get("/actuator/prometheus"), worker.username(), null)
                .andExpect(status().isForbidden());
    }
}
