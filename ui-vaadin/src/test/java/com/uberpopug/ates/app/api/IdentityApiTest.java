package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.app.AtesSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The identity part of the HTTP API (API.md): tokens in the real Redis, popugs through the command path. */
@AtesSpringTest
class IdentityApiTest {

    /** Each test logs in from its own client address, so address throttling of one never touches another. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    private final String address = "10.0.0." + ADDRESSES.getAndIncrement();

    @Test
    void aTokenOpensTheApiUntilItIsRevoked() throws Exception {
        JsonNode issued = token("admin", "admin-test-password");
        assertThat(issued.get("expiresAt").asText()).isNotBlank();
        String token = issued.get("token").asText();

        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("admin"))
                .andExpect(jsonPath("$.role").value("ADMIN"))
                .andExpect(jsonPath("$.email").value("admin@uberpopug.local"))
                .andExpect(jsonPath("$.id").isNotEmpty());

        mvc.perform(delete("/api/auth/token").header("Authorization", "Bearer " + token))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void wrongPasswordsAnswer401AndNoToken() throws Exception {
        mvc.perform(tokenRequest("admin-" + UUID.randomUUID(), "whatever-123"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("Wrong username or password, or the popug is deactivated."))
                .andExpect(jsonPath("$.token").doesNotExist());
    }

    @Test
    void theLiveOpenApiDescriptionIsOpenAndListsTheEndpoints() throws Exception {
        mvc.perform(get("/api/openapi.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.openapi").exists())
                .andExpect(jsonPath("$.paths['/api/auth/token'].post").exists())
                .andExpect(jsonPath("$.paths['/api/popugs/{id}/role'].put").exists());
    }

    @Test
    void withoutATokenTheApiAnswers401() throws Exception {
        mvc.perform(get("/api/me"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(get("/api/me").header("Authorization", "Bearer not-a-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void anAdminRegistersListsPromotesAndDeactivatesAPopug() throws Exception {
        String admin = token("admin", "admin-test-password").get("token").asText();
        String username = "gosha-" + UUID.randomUUID().toString().substring(0, 6);

        String created = mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON)
                        .content(newPopug(username, "WORKER")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(created).get("id").asText();

        mvc.perform(as(admin, get("/api/popugs")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.username == '" + username + "')].role").value("WORKER"))
                .andExpect(jsonPath("$[?(@.username == '" + username + "')].active").value(true));

        String worker = token(username, "gosha-pass-42").get("token").asText();
        mvc.perform(as(worker, get("/api/me"))).andExpect(jsonPath("$.role").value("WORKER"));

        mvc.perform(as(admin, put("/api/popugs/" + id + "/role")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"ACCOUNTANT\"}"))
                .andExpect(status().isOk());
        mvc.perform(as(worker, get("/api/me"))).andExpect(jsonPath("$.role").value("ACCOUNTANT"));

        mvc.perform(as(admin, post("/api/popugs/" + id + "/deactivate"))).andExpect(status().isOk());
        mvc.perform(as(worker, get("/api/me"))).andExpect(status().isUnauthorized());
        mvc.perform(tokenRequest(username, "gosha-pass-42")).andExpect(status().isUnauthorized());
    }

    @Test
    void refusalsAreProblemsWithTheRightStatus() throws Exception {
        String admin = token("admin", "admin-test-password").get("token").asText();

        mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"X\",\"fullName\":\"\",\"email\":\"nope\",\"role\":\"WORKER\",\"password\":\"short\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field").value(org.hamcrest.Matchers.contains("username", "fullName", "email", "password")));

        mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON).content(newPopug("admin", "WORKER")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("The username 'admin' is taken."));

        mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON)
                        .content(newPopug("kesha-" + UUID.randomUUID().toString().substring(0, 6), "PARROT")))
                .andExpect(status().isBadRequest());

        mvc.perform(as(admin, put("/api/popugs/" + UUID.randomUUID() + "/role")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"role\":\"MANAGER\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void onlyAdminsManagePopugs() throws Exception {
        String username = "rosa-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = token("admin", "admin-test-password").get("token").asText();
        mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON).content(newPopug(username, "MANAGER")))
                .andExpect(status().isCreated());
        String manager = token(username, "gosha-pass-42").get("token").asText();

        mvc.perform(as(manager, get("/api/popugs")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(as(manager, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON).content(newPopug("x" + username, "ADMIN")))
                .andExpect(status().isForbidden());
    }

    @Test
    void afterTooManyWrongPasswordsEvenTheRightOneIsThrottled() throws Exception {
        String username = "forgetful-" + UUID.randomUUID().toString().substring(0, 6);
        String admin = token("admin", "admin-test-password").get("token").asText();
        mvc.perform(as(admin, post("/api/popugs")).contentType(MediaType.APPLICATION_JSON).content(newPopug(username, "WORKER")))
                .andExpect(status().isCreated());

        for (int i = 0; i < 5; i++) {
            mvc.perform(tokenRequest(username, "wrong-pass-" + i)).andExpect(status().isUnauthorized());
        }
        mvc.perform(tokenRequest(username, "gosha-pass-42"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value("Too many failed logins. Try again in 15 minutes."));
    }

    private JsonNode token(String username, String password) throws Exception {
        String body = mvc.perform(tokenRequest(username, password))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    private MockHttpServletRequestBuilder tokenRequest(String username, String password) throws Exception {
        return post("/api/auth/token").with(from(address)).contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("username", username, "password", password)));
    }

    private MockHttpServletRequestBuilder as(String token, MockHttpServletRequestBuilder request) {
        return request.header("Authorization", "Bearer " + token).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newPopug(String username, String role) {
        return "{\"username\":\"" + username + "\",\"fullName\":\"Gosha Popug\",\"email\":\"" + username
                + "@uberpopug.com\",\"role\":\"" + role + "\",\"password\":\"gosha-pass-42\"}";
    }
}
