package com.uberpopug.ates.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Draws the popug who gets a task, uniformly at random among the eligible ones. Nobody picks: the
 * random source decides. It is given in, so that specs can use a seeded or fixed one.
 */
final class AssigneeDraw {

    static final String NOBODY_ELIGIBLE =
            "No popug can take tasks: there is no active worker or accountant. Register one first.";

    private final EligibleAssignees eligible;
    private final RandomGenerator random;

    AssigneeDraw(EligibleAssignees eligible, RandomGenerator random) {
        this.eligible = eligible;
        this.random = random;
    }

    /**
     * One popug from the eligible ones as they are now; empty when there is none. Asks how many there are and
     * reads the one drawn, instead of reading all their ids for each new task (10,000 at company size).
     */
    Optional<UUID> draw() {
        for (int attempt = 0; attempt < 3; attempt++) {
            int count = eligible.count();
            if (count == 0) {
                return Optional.empty();
            }
            Optional<UUID> drawn = eligible.at(random.nextInt(count));
            if (drawn.isPresent()) {
                return drawn;
            }
            // Popugs left between counting and reading: count again.
        }
        return pool().draw();
    }

    /** The eligible popugs as they are now, to draw from many times (a shuffle draws once per task). */
    Pool pool() {
        return new Pool(List.copyOf(eligible.ids()), random);
    }

    record Pool(List<UUID> candidates, RandomGenerator random) {

        Optional<UUID> draw() {
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(candidates.get(random.nextInt(candidates.size())));
        }

        boolean isEmpty() {
            return candidates.isEmpty();
        }
    }
}
