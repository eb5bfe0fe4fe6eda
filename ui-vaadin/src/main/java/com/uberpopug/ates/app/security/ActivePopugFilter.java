package com.uberpopug.ates.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ends the browser session of a popug who has been deactivated, or whose role changed, since logging in:
 * every request of a logged-in session checks the popug's current state. The pages, menus and buttons of
 * a session read the roles stored at login, so a demoted admin would otherwise keep the admin pages (and
 * could promote themselves back); after the change they log in again and get the new role. Works
 * whichever app copy handled the change, because it asks identity (cached, evicted by identity's events),
 * not an in-memory session registry.
 */
class ActivePopugFilter extends OncePerRequestFilter {

    private final ActivePopugs popugs;
    private final SecurityContextHolderStrategy contexts;

    ActivePopugFilter(ActivePopugs popugs, SecurityContextHolderStrategy contexts) {
        this.popugs = popugs;
        this.contexts = contexts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = contexts.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)
                && !stillAsLoggedIn(current)) {
            contexts.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The popug is active and has the roles the session was given at login. */
    private boolean stillAsLoggedIn(Authentication session) {
        return popugs.find(session.getName())
                .map(now -> authorityNames(now.getAuthorities()).equals(authorityNames(session.getAuthorities())))
                .orElse(false);
    }

    private static Set<String> authorityNames(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
