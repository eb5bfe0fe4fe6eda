package com.uberpopug.ates.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.app.api.Problems;
import com.uberpopug.ates.identity.access.ApiTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Optional;

/**
 * {@code Authorization: Bearer <token>} on the HTTP API: the token must be live in Redis and its popug
 * still active. A bad token is a 401 at once; Redis not answering is a 503 (fail closed).
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private static final String PREFIX = "Bearer ";

    private final ApiTokens tokens;
    private final ActivePopugs popugs;
    private final ObjectMapper json;
    private final SecurityContextHolderStrategy contexts;

    /**
     * @param contexts the strategy this application's filter chain uses (Vaadin installs its own); not
     *                 the static {@link SecurityContextHolder}, which another context in the JVM may have replaced
     */
    BearerTokenFilter(ApiTokens tokens, ActivePopugs popugs, ObjectMapper json, SecurityContextHolderStrategy contexts) {
        this.tokens = tokens;
        this.popugs = popugs;
        this.json = json;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.startsWith(PREFIX)) {
            chain.doFilter(request, response);
            return;
        }
        String token = header.substring(PREFIX.length()).strip();
        Optional<UserDetails> popug;
        try {
            popug = tokens.usernameOf(token).flatMap(popugs::find);
        } catch (DataAccessException redisDown) {
            Problems.write(response, json, HttpStatus.SERVICE_UNAVAILABLE,
                    "Tokens cannot be checked right now: the session store does not answer. Try again later.");
            return;
        }
        if (popug.isEmpty()) {
            Problems.write(response, json, HttpStatus.UNAUTHORIZED,
                    "The token is unknown, expired or revoked, or its popug is deactivated. Ask POST /api/auth/token for a new one.");
            return;
        }
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(popug.get(), token, popug.get().getAuthorities()));
        contexts.setContext(context);
        chain.doFilter(request, response);
    }
}
