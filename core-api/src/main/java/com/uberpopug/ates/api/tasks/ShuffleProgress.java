package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * How far a shuffle got: {@code reassigned} of {@code total} open tasks so far; {@code skipped} were
 * completed while the shuffle ran (a done task keeps its assignee). {@code failure} is set when the
 * shuffle stopped on an error; the tasks reassigned until then stay reassigned.
 */
public record ShuffleProgress(UUID shuffleId, long total, long reassigned, long skipped, boolean finished,
                              String failure) {

    public long handled() {
        return reassigned + skipped;
    }
}
