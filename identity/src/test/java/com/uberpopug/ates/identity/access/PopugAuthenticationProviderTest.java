package com.uberpopug.ates.identity.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Password logins and their throttle against the real Redis that infra/ates-services.sh starts, under a key
 * prefix of this test's own; the passwords are real BCrypt hashes, and every comparison is counted.
 */
class PopugAuthenticationProviderTest {

    private static final String PASSWORD = "green-feathers-1";

    private final TestRedis testRedis = new TestRedis();
    private final StringRedisTemplate redis = testRedis.redis;
    private final String prefix = testRedis.prefix;
    private final CountingEncoder passwords = new CountingEncoder();
    private final PopugAuthenticationProvider logins = new PopugAuthenticationProvider(
            new InMemoryUserDetailsManager(User.withUsername("kesha").password(passwords.hash(PASSWORD)).roles("WORKER").build()),
            passwords, new LoginThrottle(redis, prefix, 5, 20, Duration.ofMinutes(15)));

    @AfterEach
    void cleanUp() {
        testRedis.close();
    }

    @Test
    void twentyParallelWrongGuessesAreCheckedAtMostFiveTimes() throws Exception {
        ExecutorService guessers = Executors.newFixedThreadPool(20);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Class<?>>> outcomes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "wrong-guess-" + i;
            outcomes.add(guessers.submit(() -> {
                go.await();
                try {
                    logins.authenticate(login("kesha", guess, "10.0.0.66"));
                    return Authentication.class;
                } catch (BadCredentialsException | LockedException refused) {
                    return refused.getClass();
                }
            }));
        }
        go.countDown();
        List<Class<?>> refusals = new ArrayList<>();
        for (Future<Class<?>> outcome : outcomes) {
            refusals.add(outcome.get());
        }
        guessers.shutdown();

        assertThat(passwords.comparisons).as("passwords hashed and compared").hasValue(5);
        assertThat(refusals).filteredOn(BadCredentialsException.class::equals).hasSize(5);
        assertThat(refusals).filteredOn(LockedException.class::equals).hasSize(15);
        assertThat(redis.keys(prefix + "*")).hasSize(2).allSatisfy(key ->
                assertThat(redis.getExpire(key)).as("expiry of " + key).isBetween(1L, Duration.ofMinutes(15).toSeconds()));
    }

    @Test
    void guessesFromOneAddressDoNotLockThePopugOutElsewhere() {
        for (int i = 0; i < 5; i++) {
            String guess = "wrong-guess-" + i;
            assertThatThrownBy(() -> logins.authenticate(login("kesha", guess, "10.0.0.66")))
                    .isInstanceOf(BadCredentialsException.class);
        }

        assertThatThrownBy(() -> logins.authenticate(login("kesha", PASSWORD, "10.0.0.66")))
                .isInstanceOf(LockedException.class).hasMessage("Too many failed logins. Try again in 15 minutes.");
        assertThat(logins.authenticate(login("kesha", PASSWORD, "10.0.0.7")).isAuthenticated()).isTrue();
    }

    @Test
    void aSuccessfulLoginTakesItsAttemptBack() {
        for (int i = 0; i < 4; i++) {
            String guess = "wrong-guess-" + i;
            assertThatThrownBy(() -> logins.authenticate(login("kesha", guess, "10.0.0.8")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        logins.authenticate(login("kesha", PASSWORD, "10.0.0.8"));

        assertThat(redis.keys(prefix + "login-attempts:user:*")).as("the username's count from there is gone").isEmpty();
        assertThat(redis.opsForValue().get(prefix + "login-attempts:address:10.0.0.8")).as("four failures remain").isEqualTo("4");
    }

    @Test
    void aUsernameNoPopugCanHaveTouchesNeitherRedisNorBcrypt() {
        assertThatThrownBy(() -> logins.authenticate(login("x".repeat(10_000), PASSWORD, "10.0.0.9")))
                .isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> logins.authenticate(login("Kesha Parrot", PASSWORD, "10.0.0.9")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(redis.keys(prefix + "*")).isEmpty();
        assertThat(passwords.comparisons).hasValue(0);
    }

    @Test
    void aPasswordLongerThanBcryptReadsIsAWrongOneAndCounted() {
        assertThatThrownBy(() -> logins.authenticate(login("kesha", PASSWORD + "x".repeat(100), "10.0.0.10")))
                .isInstanceOf(BadCredentialsException.class);

        assertThat(passwords.comparisons).as("not hashed: BCrypt refuses more than 72 bytes").hasValue(0);
        assertThat(redis.opsForValue().get(prefix + "login-attempts:user:kesha:from:10.0.0.10")).isEqualTo("1");
    }

    @Test
    void aCountLeftWithoutExpiryGetsOne() {
        String key = prefix + "login-attempts:user:kesha:from:10.0.0.11";
        redis.opsForValue().set(key, "5"); // as the old two-call code could leave it after a crash

        assertThatThrownBy(() -> logins.authenticate(login("kesha", PASSWORD, "10.0.0.11"))).isInstanceOf(LockedException.class);

        assertThat(redis.getExpire(key)).isBetween(1L, Duration.ofMinutes(15).toSeconds());
    }

    private static UsernamePasswordAuthenticationToken login(String username, String password, String address) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        login.setDetails(new WebAuthenticationDetails(address, null));
        return login;
    }

    /** Real BCrypt, counting how often a password is compared with a hash. */
    private static final class CountingEncoder implements PasswordEncoder {

        private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        final AtomicInteger comparisons = new AtomicInteger();

        String hash(String password) {
            return bcrypt.encode(password);
        }

        @Override
        public String encode(CharSequence password) {
            return bcrypt.encode(password);
        }

        @Override
        public boolean matches(CharSequence password, String hash) {
            comparisons.incrementAndGet();
            return bcrypt.matches(password, hash);
        }
    }
}
