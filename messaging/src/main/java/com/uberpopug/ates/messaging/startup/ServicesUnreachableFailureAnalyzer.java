package com.uberpopug.ates.messaging.startup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import java.util.stream.Collectors;

/** Turns {@link ServicesUnreachableException} into Spring Boot's short "APPLICATION FAILED TO START" report. */
public class ServicesUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<ServicesUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ServicesUnreachableException cause) {
        String description = cause.unreachable().stream()
                .map(s -> String.format("  %-11s is not reachable at %s (property %s)", s.name(), s.address(), s.property()))
                .collect(Collectors.joining("\n", "aTES needs these services and they do not answer:\n", ""));
        String action = "Start them with:  " + RequiredService.START_COMMAND
                + "\n(or point the properties above at running servers; infra/ates-services.sh status shows what runs)";
        return new FailureAnalysis(description, action, null);
    }
}
