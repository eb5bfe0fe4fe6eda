package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/** The progress of a shuffle started on this instance; as a subscription query, every step of it. */
public record FindShuffle(UUID shuffleId) {
}
