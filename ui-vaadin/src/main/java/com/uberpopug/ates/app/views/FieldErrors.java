package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.FieldProblem;
import com.vaadin.flow.component.HasValidation;

import java.util.List;
import java.util.Map;

/** Shows a refused command's problems beside the form fields they name; others as a notification. */
final class FieldErrors {

    private final Map<String, HasValidation> fields;

    /** @param fields the form's fields by the names commands use for them (e.g. "title", "jiraId") */
    FieldErrors(Map<String, HasValidation> fields) {
        this.fields = Map.copyOf(fields);
    }

    void clear() {
        fields.values().forEach(field -> field.setInvalid(false));
    }

    void show(List<FieldProblem> problems) {
        problems.forEach(problem -> show(problem.field(), problem.message()));
    }

    void show(String fieldName, String message) {
        HasValidation field = fields.get(fieldName);
        if (field == null) {
            Notices.error(message);
            return;
        }
        field.setInvalid(true);
        field.setErrorMessage(message);
    }
}
