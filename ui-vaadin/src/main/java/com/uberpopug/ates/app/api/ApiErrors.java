package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.List;

/** How refusals of commands look over HTTP: 400 with the fields, 403, 404, 409. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

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
    ProblemDetail unreadable(HttpMessageNotReadableException unreadable) {
        return Problems.invalid(List.of(new FieldProblem("body",
                "The body is not the JSON this endpoint takes (see /api/openapi.json).")));
    }

    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException mismatch) {
        return Problems.invalid(List.of(new FieldProblem(mismatch.getName(), "This is not a valid " + mismatch.getName() + ".")));
    }
}
