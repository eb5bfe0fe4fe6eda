package com.uberpopug.ates.api.tasks;

import java.util.List;

/** One page of tasks and how many match the filters in all. */
public record TaskPage(List<TaskSummary> items, long total) {
}
