package com.uberpopug.ates.api.identity;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.TextFields;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid popug looks like, shared by the edges (UI, HTTP, CLI) and the identity context so
 * both refuse the same input with the same words.
 */
public final class PopugFields {

    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,31}");
    /** Deliberately simple: one @, something on each side, a dot in the domain, no spaces. */
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int FULL_NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;
    public static final int PASSWORD_MIN = 10;
    /** BCrypt reads no more of a password than this many bytes (UTF-8): a longer one could not be checked whole. */
    public static final int PASSWORD_MAX_BYTES = 72;

    private PopugFields() {
    }

    /** Every problem of a registration; empty when it is valid. */
    public static List<FieldProblem> problems(String username, String fullName, String email, Role role, String password) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !USERNAME.matcher(username).matches()) {
            problems.add(new FieldProblem("username",
                    "A username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', starting with a letter."));
        }
        Optional<FieldProblem> unprintableName = TextFields.singleLine("fullName", fullName);
        if (fullName == null || fullName.isBlank()) {
            problems.add(new FieldProblem("fullName", "A popug needs a full name."));
        } else if (unprintableName.isPresent()) {
            problems.add(unprintableName.get());
        } else if (fullName.length() > FULL_NAME_MAX) {
            problems.add(new FieldProblem("fullName", "The full name is longer than " + FULL_NAME_MAX + " characters."));
        }
        Optional<FieldProblem> unprintableEmail = TextFields.singleLine("email", email);
        if (unprintableEmail.isPresent()) {
            problems.add(unprintableEmail.get());
        } else if (email == null || email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            problems.add(new FieldProblem("email", "An e-mail address looks like kesha@uberpopug.com."));
        }
        if (role == null) {
            problems.add(new FieldProblem("role", "Choose a role: ADMIN, MANAGER, ACCOUNTANT or WORKER."));
        }
        passwordProblem(password).ifPresent(problems::add);
        return problems;
    }

    /** The password policy: long enough, not too long for BCrypt, printable, not only one kind of character. */
    public static Optional<FieldProblem> passwordProblem(String password) {
        if (password == null || password.length() < PASSWORD_MIN) {
            return Optional.of(new FieldProblem("password",
                    "A password has at least " + PASSWORD_MIN + " characters."));
        }
        if (!passwordFitsBcrypt(password)) {
            return Optional.of(new FieldProblem("password", "A password has at most " + PASSWORD_MAX_BYTES
                    + " bytes: " + PASSWORD_MAX_BYTES + " plain letters, digits or signs, fewer with accents or other scripts."));
        }
        Optional<FieldProblem> unprintable = TextFields.singleLine("password", password);
        if (unprintable.isPresent()) {
            return unprintable;
        }
        boolean letters = password.chars().anyMatch(Character::isLetter);
        boolean others = password.chars().anyMatch(c -> !Character.isLetter(c));
        if (!letters || !others) {
            return Optional.of(new FieldProblem("password",
                    "A password mixes letters with digits or other signs."));
        }
        return Optional.empty();
    }

    /** Whether BCrypt reads all of this password ({@value #PASSWORD_MAX_BYTES} bytes of UTF-8 at most). */
    public static boolean passwordFitsBcrypt(String password) {
        return password != null && password.getBytes(StandardCharsets.UTF_8).length <= PASSWORD_MAX_BYTES;
    }
}
