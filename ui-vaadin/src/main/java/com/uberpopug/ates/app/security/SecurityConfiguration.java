package com.uberpopug.ates.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.app.api.Problems;
import com.uberpopug.ates.app.api.RequestBodyLimit;
import com.uberpopug.ates.app.views.LoginView;
import com.uberpopug.ates.identity.access.ApiTokens;
import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;

/**
 * Two doors. The HTTP API ({@code /api/**}): stateless, bearer tokens, answers in problem+json; CSRF
 * protection is off there because a bearer token is never sent by the browser on its own. The browser
 * UI (everything else): Vaadin's form login with sessions and CSRF protection on. The health
 * endpoint is open, with details for admins only.
 */
@Configuration
@EnableWebSecurity
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfiguration {

    /**
     * By default Spring Security observes each of its filters and each access decision on every request, beside
     * {@code http.server.requests}, which times each request as a whole, logins included. Not just switched off
     * by a property (which still wraps every filter to make an observation that does nothing, 2 % of an API
     * call's time by docs/PERFORMANCE.md): without these observations no filter is wrapped at all.
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** Every password login, browser or API, goes through identity's throttled provider. */
    @Bean
    AuthenticationManager authenticationManager(AuthenticationProvider popugs) {
        return new ProviderManager(popugs);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, ActivePopugs popugs, ObjectMapper json,
                            ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/prometheus")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new RequestBodyLimit(json), LogoutFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens, popugs, json,
                        chainStrategy(contexts)), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/openapi.json", "/api/openapi.json.yaml", "/api/asyncapi.json",
                                "/api/events/**").permitAll()
                        .requestMatchers("/api/popugs", "/api/popugs/**", "/actuator/prometheus").hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/tasks/shuffle").hasAnyRole("MANAGER", "ADMIN")
                        .requestMatchers("/api/analytics/**").hasRole("ADMIN")
                        .requestMatchers("/api/accounts/me", "/api/accounts/me/**").authenticated()
                        .requestMatchers(HttpMethod.POST, "/api/accounting/close-day").hasRole("ADMIN")
                        .requestMatchers("/api/accounts", "/api/accounts/**", "/api/accounting/**", "/api/payouts")
                        .hasAnyRole("ADMIN", "ACCOUNTANT")
                        .anyRequest().authenticated())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> Problems.write(response, json,
                                HttpStatus.UNAUTHORIZED, "Log in first: send Authorization: Bearer <token> from POST /api/auth/token."))
                        .accessDeniedHandler((request, response, e) -> Problems.write(response, json,
                                HttpStatus.FORBIDDEN, "Your role may not do this.")))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browser(HttpSecurity http, ActivePopugs popugs,
                                ObjectProvider<SecurityContextHolderStrategy> contexts) throws Exception {
        // The error page of a request that was let through (a resource that does not exist: 404) is the
        // error, not a page to log in for: without this, a missing stylesheet or icon is redirected to /login.
        http.authorizeHttpRequests(requests -> requests
                .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        http.addFilterBefore(new ActivePopugFilter(popugs,
                chainStrategy(contexts)), AnonymousAuthenticationFilter.class);
        return http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)).build();
    }

    /**
     * The security context strategy of this application's chains (Vaadin publishes one), for our own
     * filters: the static {@link SecurityContextHolder} may hold another application context's strategy.
     */
    private static SecurityContextHolderStrategy chainStrategy(ObjectProvider<SecurityContextHolderStrategy> contexts) {
        return contexts.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }
}
