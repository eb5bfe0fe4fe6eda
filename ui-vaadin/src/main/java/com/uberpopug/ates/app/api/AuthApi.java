package com.uberpopug.ates.app.api;

import com.uberpopug.ates.identity.access.ApiTokens;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code POST /api/auth/token}: a bearer token for a username and password; {@code DELETE}: revoke it. */
@RestController
@RequestMapping("/api/auth/token")
class AuthApi {

    private final AuthenticationManager authentication;
    private final ApiTokens tokens;

    AuthApi(AuthenticationManager authentication, ApiTokens tokens) {
        this.authentication = authentication;
        this.tokens = tokens;
    }

    record Credentials(String username, String password) {
    }

    record Token(String token, Instant expiresAt) {
    }

    @PostMapping
    Token issue(@RequestBody Credentials credentials, HttpServletRequest request) {
        UsernamePasswordAuthenticationToken login = UsernamePasswordAuthenticationToken.unauthenticated(
                credentials.username() == null ? "" : credentials.username(),
                credentials.password() == null ? "" : credentials.password());
        login.setDetails(new WebAuthenticationDetails(request));
        Authentication popug = authentication.authenticate(login);
        ApiTokens.IssuedToken issued = tokens.issue(popug.getName());
        return new Token(issued.token(), issued.expiresAt());
    }

    @DeleteMapping
    ResponseEntity<Void> revoke(Authentication current) {
        tokens.revoke((String) current.getCredentials());
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail throttled(LockedException locked) {
        return Problems.of(HttpStatus.TOO_MANY_REQUESTS, locked.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unavailable(AuthenticationServiceException unavailable) {
        return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
    }

    @ExceptionHandler
    ProblemDetail refused(AuthenticationException refused) {
        return Problems.of(HttpStatus.UNAUTHORIZED, "Wrong username or password, or the popug is deactivated.");
    }
}
