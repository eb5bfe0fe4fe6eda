package com.uberpopug.ates.api;

import java.util.Optional;

/**
 * What any text a user types into a command must be: characters every store keeps as they were typed.
 * PostgreSQL refuses NUL in text; a control character or half of a surrogate pair is not text anyone
 * meant. Such input is refused where it is typed (and again in the aggregate), so that no event carries
 * a value a projection cannot store.
 */
public final class TextFields {

    private TextFields() {
    }

    /** The problem of a single-line text (a title, a name, an address), if it has one. */
    public static Optional<FieldProblem> singleLine(String field, String text) {
        return problem(field, text, false);
    }

    /** The problem of a text that may have several lines (a description): line breaks and tabs are fine. */
    public static Optional<FieldProblem> multiLine(String field, String text) {
        return problem(field, text, true);
    }

    private static Optional<FieldProblem> problem(String field, String text, boolean lines) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++; // a whole pair: one character beyond the basic plane, such as an emoji
            } else if (Character.isSurrogate(c)) {
                return Optional.of(new FieldProblem(field, "Contains a broken character (half of a pair, U+"
                        + hex(c) + "); remove it."));
            } else if (Character.getType(c) == Character.CONTROL && !(lines && (c == '\n' || c == '\r' || c == '\t'))) {
                return Optional.of(new FieldProblem(field, "Contains an invisible control character (U+" + hex(c)
                        + "); remove it" + (lines ? " (line breaks and tabs are fine)." : ".")));
            }
        }
        return Optional.empty();
    }

    private static String hex(char c) {
        return String.format("%04X", (int) c);
    }
}
