package com.uberpopug.ates.api.tasks;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.TextFields;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a valid task looks like. Part of the published language so that the edges (UI, HTTP, CLI)
 * and the task aggregate refuse the same input with the same words.
 */
public final class TaskFields {

    public static final int TITLE_MAX = 200;
    public static final int DESCRIPTION_MAX = 4000;
    /** A Jira id such as {@code UP-42}: a project key of capitals and digits, a dash, a number. */
    public static final Pattern JIRA_ID = Pattern.compile("[A-Z][A-Z0-9]{0,9}-[1-9][0-9]{0,8}");
    private static final Pattern JIRA_ID_IN_BRACKETS = Pattern.compile("\\[\\s*[A-Za-z][A-Za-z0-9]*-\\d+\\s*]");

    private TaskFields() {
    }

    /** Every problem of this input; empty when it is a valid task. */
    public static List<FieldProblem> problems(String title, String jiraId, String description) {
        List<FieldProblem> problems = new ArrayList<>();
        Optional<FieldProblem> unprintableTitle = TextFields.singleLine("title", title);
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "A task needs a title."));
        } else if (unprintableTitle.isPresent()) {
            problems.add(unprintableTitle.get());
        } else if (title.length() > TITLE_MAX) {
            problems.add(new FieldProblem("title", "The title is longer than " + TITLE_MAX + " characters."));
        } else if (JIRA_ID_IN_BRACKETS.matcher(title).find()) {
            problems.add(new FieldProblem("title",
                    "Put the Jira id in the Jira id field, not in brackets in the title."));
        }
        if (jiraId != null && !jiraId.isBlank() && !JIRA_ID.matcher(jiraId.strip()).matches()) {
            problems.add(new FieldProblem("jiraId", "A Jira id looks like UP-42."));
        }
        if (description != null && description.length() > DESCRIPTION_MAX) {
            problems.add(new FieldProblem("description",
                    "The description is longer than " + DESCRIPTION_MAX + " characters."));
        } else {
            TextFields.multiLine("description", description).ifPresent(problems::add);
        }
        return problems;
    }
}
