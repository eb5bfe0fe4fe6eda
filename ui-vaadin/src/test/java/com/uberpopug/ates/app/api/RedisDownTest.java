package com.uberpopug.ates.app.api;

import com.uberpopug.ates.app.AtesSpringTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Redis unreachable (nothing listens on port 1): logins and tokens fail closed with a clear message,
 * instead of letting anyone in unthrottled or unchecked. (The start-up check is off so the app starts.)
 */
@AtesSpringTest
@TestPropertySource(properties = {"spring.data.redis.port=1", "ates.startup-check.enabled=false",
        "spring.data.redis.timeout=500ms", "spring.data.redis.connect-timeout=500ms"})
class RedisDownTest {

    @Autowired
    MockMvc mvc;

    @Test
    void noTokenIsIssuedAndTheAnswerSaysWhy() throws Exception {
        mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"admin\",\"password\":\"admin-test-password\"}"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(
                        "Logging in is not possible right now: the session store does not answer. Try again later."));
    }

    @Test
    void bearerTokensCannotBeCheckedSoTheyAreRefused() throws Exception {
        mvc.perform(get("/api/me").header("Authorization", "Bearer some-token"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.detail").value(
                        "Tokens cannot be checked right now: the session store does not answer. Try again later."));
    }

    @Test
    void theBrowserLoginFailsClosedToo() throws Exception {
        mvc.perform(formLogin().user("admin").password("admin-test-password")).andExpect(unauthenticated());
    }

    @Test
    void healthTellsAdminsThatRedisIsDown() throws Exception {
        mvc.perform(get("/actuator/health").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("admin").roles("ADMIN")))
                .andExpect(status().isServiceUnavailable())
                .andExpect(jsonPath("$.components.redis.status").value("DOWN"));
    }
}
