package com.uberpopug.ates.api;

import java.util.List;

/**
 * A command was refused because its input breaks a rule; nothing was stored. Carries every problem
 * found, each naming its field, so the UI and the HTTP API can show them beside the fields.
 */
public class InvalidCommandException extends RuntimeException {

    private final List<FieldProblem> problems;

    public InvalidCommandException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid command"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
