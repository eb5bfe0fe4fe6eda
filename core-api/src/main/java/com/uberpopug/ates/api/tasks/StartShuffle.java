package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * Gives every open task a new random eligible assignee. Answers at once with the first
 * {@link ShuffleProgress}; the shuffle goes on in the background ({@link FindShuffle} follows it).
 * Refused while another shuffle runs, and when no popug can take tasks.
 */
public record StartShuffle(UUID shuffleId, String startedBy) {
}
