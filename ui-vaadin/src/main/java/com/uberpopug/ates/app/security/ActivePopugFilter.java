package com.uberpopug.ates.app.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Ends the browser session of a popug who has been deactivated since logging in: every request of a
 * logged-in session checks that its popug is still active. Works whichever app copy handled the
 * deactivation, because it asks identity's table, not an in-memory session registry.
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
                && popugs.find(current.getName()).isEmpty()) {
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
}
