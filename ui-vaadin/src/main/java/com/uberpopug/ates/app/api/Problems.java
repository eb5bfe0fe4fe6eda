package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.messaging.api.TraceIds;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** RFC 9457 problem details, the one error shape of the HTTP API. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        // Support finds the request's log lines, commands and events by it.
        String traceId = TraceIds.current();
        if (traceId != null) {
            problem.setProperty("traceId", traceId);
        }
        return problem;
    }

    public static ProblemDetail invalid(List<FieldProblem> problems) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "The request has invalid fields; nothing was changed.");
        problem.setProperty("errors", problems.stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    /** For filters and security handlers, which answer outside of Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, HttpStatus status, String detail)
            throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), of(status, detail));
    }
}
