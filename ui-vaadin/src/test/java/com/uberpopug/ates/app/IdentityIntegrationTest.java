package com.uberpopug.ates.app;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.FindPopugByUsername;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;

/** Popugs registered through the command path, logging in through the real Spring Security filter chain. */
@AtesSpringTest
class IdentityIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    MockMvc mvc;
    @Autowired
    QueryGateway queries;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    PlatformTransactionManager transactions;
    @Value("${ates.redis.key-prefix}")
    String redisPrefix;

    @Test
    void theFirstStartRegisteredTheAdminWithTheConfiguredPassword() throws Exception {
        assertThat(postgres.queryForObject("SELECT role FROM identity_popugs WHERE username = 'admin'", String.class))
                .isEqualTo("ADMIN");
        mvc.perform(formLogin().user("admin").password("admin-test-password"))
                .andExpect(authenticated().withUsername("admin").withRoles("ADMIN"));
    }

    @Test
    void aRegisteredPopugLogsInWithTheirPasswordWhichIsStoredOnlyAsAHash() throws Exception {
        String username = "worker-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Rosa Worker",
                username + "@uberpopug.com", Role.WORKER, "pink-feathers-7"));

        String hash = postgres.queryForObject("SELECT password_hash FROM identity_popugs WHERE popug_id = ?", String.class, id);
        assertThat(hash).startsWith("$2a$").doesNotContain("pink-feathers-7");
        String event = postgres.queryForObject("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ?", String.class, id.toString());
        assertThat(event).contains(username).doesNotContain("pink-feathers-7").doesNotContain("password");

        mvc.perform(formLogin().user(username).password("pink-feathers-7"))
                .andExpect(authenticated().withUsername(username).withRoles("WORKER"));
        mvc.perform(formLogin().user(username).password("wrong-password-1")).andExpect(unauthenticated());
    }

    @Test
    void aTakenUsernameIsRefusedAndNothingIsStored() {
        String username = "twin-" + shortId();
        commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "First Twin", "a@uberpopug.com",
                Role.WORKER, "first-twin-11"));
        UUID second = UUID.randomUUID();

        assertThatThrownBy(() -> commands.sendAndWait(new RegisterPopug(second, username, "Second Twin",
                "b@uberpopug.com", Role.MANAGER, "second-twin-22")))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The username '" + username + "' is taken.");
        assertThat(postgres.queryForObject("SELECT count(*) FROM identity_popugs WHERE username = ?", Long.class, username))
                .isEqualTo(1);
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, second.toString())).isZero();
    }

    @Test
    void aDeactivatedPopugCannotLogIn() throws Exception {
        String username = "leaver-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Gosha Leaver",
                username + "@uberpopug.com", Role.ACCOUNTANT, "goodbye-nest-3"));
        mvc.perform(formLogin().user(username).password("goodbye-nest-3")).andExpect(authenticated());

        commands.sendAndWait(new DeactivatePopug(id));

        mvc.perform(formLogin().user(username).password("goodbye-nest-3")).andExpect(unauthenticated());
    }

    @Test
    void aDeactivatedPopugLosesTheirOpenBrowserSession() throws Exception {
        String username = "sleeper-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Sleepy Popug",
                username + "@uberpopug.com", Role.WORKER, "sleepy-nest-4"));
        MockHttpSession session = browserSession(username, "sleepy-nest-4");
        mvc.perform(get("/actuator/health").session(session)).andExpect(status().isOk());

        commands.sendAndWait(new DeactivatePopug(id));

        mvc.perform(get("/actuator/health").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void aDemotedAdminLosesTheAdminPagesOfTheirOpenBrowserSession() throws Exception {
        String username = "demoted-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Demoted Popug",
                username + "@uberpopug.com", Role.ADMIN, "demoted-nest-5"));
        MockHttpSession session = browserSession(username, "demoted-nest-5");
        // The health details are shown to admins only: what an admin page shows, answered by the same filter chain.
        mvc.perform(get("/actuator/health").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").exists());

        commands.sendAndWait(new ChangePopugRole(id, Role.WORKER));

        mvc.perform(get("/actuator/health").session(session))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).as("the session with the old role is over").isTrue();
    }

    @Test
    void theBrowserLoginIsThrottledTooAfterFiveWrongPasswordsFromOneAddress() throws Exception {
        String username = "clumsy-" + shortId();
        commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Clumsy Popug",
                username + "@uberpopug.com", Role.WORKER, "right-password-5"));
        RequestPostProcessor fromItsOwnAddress = request -> {
            request.setRemoteAddr("10.1.0.1");
            return request;
        };
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").param("username", username).param("password", "wrong-" + i)
                            .with(csrf()).with(fromItsOwnAddress))
                    .andExpect(unauthenticated());
        }

        mvc.perform(post("/login").param("username", username).param("password", "right-password-5")
                .with(csrf()).with(fromItsOwnAddress)).andExpect(unauthenticated());
        // Guesses from one address do not lock the popug out everywhere: from their own desk they log in.
        mvc.perform(formLogin().user(username).password("right-password-5")).andExpect(authenticated());
    }

    @Test
    void profilesAreCachedInRedisAndForgottenWhenIdentityEventsChangeThem() throws Exception {
        String username = "cached-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Cached Popug",
                username + "@uberpopug.com", Role.WORKER, "cached-nest-5"));
        assertThat(profile(username).role()).isEqualTo(Role.WORKER);
        String cached = redis.opsForValue().get(redisPrefix + "cache:popug-profiles::" + username);
        assertThat(cached).as("in Redis, as JSON (never a Java-serialized object)").startsWith("{");
        assertThat(new ObjectMapper().readTree(cached).get("username").asText()).isEqualTo(username);

        postgres.update("UPDATE identity_popugs SET full_name = 'Changed behind the cache' WHERE popug_id = ?", id);
        assertThat(profile(username).fullName()).as("answered from the cache").isEqualTo("Cached Popug");

        commands.sendAndWait(new ChangePopugRole(id, Role.MANAGER));
        PopugProfile fresh = profile(username);
        assertThat(fresh.role()).isEqualTo(Role.MANAGER);
        assertThat(fresh.fullName()).as("re-read after the eviction").isEqualTo("Changed behind the cache");
    }

    @Test
    void aProfileReadWhileARoleChangeCommitsIsNotCachedWithTheOldRole() throws Exception {
        String username = "racing-" + shortId();
        UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, "Racing Popug",
                username + "@uberpopug.com", Role.ADMIN, "racing-nest-6"));
        assertThat(profile(username).role()).isEqualTo(Role.ADMIN);
        CountDownLatch changedNotCommitted = new CountDownLatch(1);
        CountDownLatch requestDone = new CountDownLatch(1);
        // A request (another thread) asks for the profile while the change is stored but not committed.
        CompletableFuture<PopugProfile> request = CompletableFuture.supplyAsync(() -> {
            try {
                changedNotCommitted.await();
                return profile(username);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            } finally {
                requestDone.countDown();
            }
        });

        // The command joins this transaction: it commits only when this block ends.
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            commands.sendAndWait(new ChangePopugRole(id, Role.WORKER));
            changedNotCommitted.countDown();
            try {
                assertThat(requestDone.await(30, TimeUnit.SECONDS)).as("the request ran").isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        assertThat(request.get().role()).as("during the change: the committed state").isEqualTo(Role.ADMIN);
        assertThat(profile(username).role()).as("after the commit: not the profile cached meanwhile").isEqualTo(Role.WORKER);
    }

    /** The session of a popug logged in through the browser's login form. */
    private MockHttpSession browserSession(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    private PopugProfile profile(String username) {
        return queries.query(new FindPopugByUsername(username), PopugProfile.class).join();
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
