package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.ApiClient;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Under {@code /api} every answer is the API's: unknown addresses, wrong methods and media types, days no
 * calendar counts with, oversized bodies and text no store keeps are problem JSON with the trace id, and
 * bad input changes nothing.
 */
@AtesSpringTest
class ApiAnswersTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    private ApiClient api;

    @BeforeEach
    void apiClient() {
        api = new ApiClient(mvc, json, tokens);
    }

    @Test
    void anUnknownAddressIsA404OfTheApiNotAPage() throws Exception {
        api.call(get("/api/nope"), "admin", null)
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("This API has no GET /api/nope (see /api/openapi.json)."))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
        api.call(post("/api/popugs/someone/fly"), "admin", null).andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongMethodIs405NamingTheAllowedOnes() throws Exception {
        api.call(delete("/api/tasks"), "admin", null)
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", containsString("POST")))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Method 'DELETE' is not supported."))
                .andExpect(jsonPath("$.traceId").isNotEmpty());
    }

    @Test
    void anUnsupportedOrUnacceptableMediaTypeIsAProblem() throws Exception {
        api.call(post("/api/tasks").contentType(MediaType.APPLICATION_XML).content("<task/>"), "admin", null)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/auth/token").contentType(MediaType.TEXT_PLAIN).content("admin admin-test-password"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        api.call(get("/api/tasks").accept(MediaType.APPLICATION_XML), "admin", null)
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aDayNoCalendarCountsWithIs400NamingItsField() throws Exception {
        api.call(get("/api/accounts/me/log").param("day", "+999999999-12-31"), "admin", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"))
                .andExpect(jsonPath("$.errors[0].message").value("A day is between 1970-01-01 and 2105-12-31."));
        api.call(get("/api/accounting/earnings").param("from", "-999999999-01-01").param("to", "2026-01-01"), "admin", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
        api.call(get("/api/analytics/summary").param("day", "1900-01-01"), "admin", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("day"));
    }

    @Test
    void aBodyLargerThanTheApiTakesIs413() throws Exception {
        api.call(post("/api/tasks").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\"" + "x".repeat(70_000) + "\"}"), "admin", null)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("The body is larger than this API takes (64 KiB)."));
    }

    @Test
    void aTitleWithANulIsRefusedAndNothingIsStored() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        long tasksBefore = count("com.uberpopug.ates.api.tasks.TaskCreated");

        api.call(post("/api/tasks"), "admin", Map.of("title", "bad\u0000title", "description", "fine\nlines\tand tabs"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("title"))
                .andExpect(jsonPath("$.errors[0].message").value("Contains an invisible control character (U+0000); remove it."));
        api.call(get("/api/tasks").param("q", "a\u0000b"), "admin", null)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));

        assertThat(count("com.uberpopug.ates.api.tasks.TaskCreated")).isEqualTo(tasksBefore);
    }

    @Test
    void aPasswordLongerThan72BytesIsRefusedWhenRegisteringAndIsAWrongOneWhenLoggingIn() throws Exception {
        String username = "bytes-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String seventyThreeBytes = "é1" + "x".repeat(70);

        api.call(post("/api/popugs"), "admin", Map.of("username", username, "fullName", "Byte Counter",
                        "email", username + "@uberpopug.com", "role", Role.WORKER.name(), "password", seventyThreeBytes))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("password"))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("A password has at most 72 bytes")));
        assertThat(postgres.queryForObject("SELECT count(*) FROM identity_popugs WHERE username = ?", Long.class, username))
                .isZero();

        mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("username", "admin", "password", "a1" + "x".repeat(200)))))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    private long count(String payloadType) {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class, payloadType);
    }
}
