package com.uberpopug.ates.tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;

/** The task context's wiring that is not a plain component. */
@Configuration
class TaskConfiguration {

    /** Assignments drawn with a strong random source: nobody can predict who gets the next task. */
    @Bean
    AssigneeDraw assigneeDraw(EligibleAssignees eligible) {
        return new AssigneeDraw(eligible, new SecureRandom());
    }
}
