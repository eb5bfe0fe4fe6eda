package com.uberpopug.ates.messaging.trace;

import com.uberpopug.ates.messaging.api.TraceIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Gives every HTTP request (API calls and the dashboards' clicks alike) a trace id: the caller's
 * {@value #HEADER} when it is a plausible id, a new one otherwise. It is answered in the same header,
 * put in the MDC for the request's log lines and, through the command bus, into every command sent.
 */
class TraceIdFilter extends OncePerRequestFilter {

    static final String HEADER = "X-Trace-Id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String traceId = TraceIds.acceptOrCreate(request.getHeader(HEADER));
        response.setHeader(HEADER, traceId);
        try {
            TraceIds.within(traceId, () -> {
                chain.doFilter(request, response);
                return null;
            });
        } catch (ServletException | IOException | RuntimeException passedOn) {
            throw passedOn;
        } catch (Exception unexpected) {
            throw new ServletException(unexpected);
        }
    }
}
