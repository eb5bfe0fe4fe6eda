package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;

/**
 * Every answer of the HTTP API that is not a success is problem JSON: refusals of commands (400 with the
 * fields, 403, 404, 409), Spring MVC's own answers (404 for an unknown route, 405, 406, 415, a malformed
 * parameter or body), 413 for an oversized body, and 500 for anything unexpected, which names the trace id
 * and nothing of the failure (that goes to the log). Not limited to the API's controllers: a wrong method
 * or media type is found before any controller is chosen. (An unknown address is {@link ApiRoutes}'.)
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler
    ProblemDetail invalid(InvalidCommandException refusal) {
        return Problems.invalid(refusal.problems());
    }

    @ExceptionHandler
    ProblemDetail refused(CommandRefusedException refusal) {
        return Problems.of(HttpStatus.CONFLICT, refusal.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notAllowed(CommandNotAllowedException refusal) {
        return Problems.of(HttpStatus.FORBIDDEN, refusal.getMessage());
    }

    @ExceptionHandler
    ProblemDetail changedMeanwhile(ConcurrencyException conflict) {
        return Problems.of(HttpStatus.CONFLICT, "It was changed by someone else at the same moment; nothing was stored. Try again.");
    }

    @ExceptionHandler
    ProblemDetail unknown(AggregateNotFoundException notFound) {
        return Problems.of(HttpStatus.NOT_FOUND, "There is nothing with the id " + notFound.getAggregateIdentifier() + ".");
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception failure, HttpServletRequest request) {
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Support finds what happened by the trace id.");
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException unreadable,
                                                                  HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestBodyLimit.exceededBy(unreadable)) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
                    .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, RequestBodyLimit.TOO_LARGE));
        }
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem("body",
                "The body is not the JSON this endpoint takes (see /api/openapi.json)."))));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException mismatch, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = mismatch.getPropertyName() == null ? "parameter" : mismatch.getPropertyName();
        return ResponseEntity.badRequest().body(Problems.invalid(List.of(new FieldProblem(name, "This is not a valid " + name + "."))));
    }

    /** Spring MVC's own problems (404, 405, 406, 415, missing parameters, ...) with our title and the trace id. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception failure, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail spring = body instanceof ProblemDetail problem ? problem
                : failure instanceof ErrorResponse response ? response.getBody() : null;
        String detail = spring != null && spring.getDetail() != null ? spring.getDetail()
                : HttpStatus.valueOf(status.value()).getReasonPhrase();
        return ResponseEntity.status(status).headers(headers).body(Problems.of(HttpStatus.valueOf(status.value()), detail));
    }
}
