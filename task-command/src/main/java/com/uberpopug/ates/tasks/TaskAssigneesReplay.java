package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.ReplayableProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The task context's replica of the eligible popugs is a read model of identity's events: replaying it rebuilds it. */
@Configuration
class TaskAssigneesReplay {

    @Bean
    ReplayableProcessor replayableTaskAssignees() {
        return new ReplayableProcessor(TaskAssignees.PROCESSING_GROUP, List.of("task-assignees"));
    }
}
