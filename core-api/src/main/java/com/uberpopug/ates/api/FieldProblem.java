package com.uberpopug.ates.api;

/** One reason why an input field was refused, in words a user can act on. */
public record FieldProblem(String field, String message) {
}
