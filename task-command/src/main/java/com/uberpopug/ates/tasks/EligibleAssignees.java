package com.uberpopug.ates.tasks;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The popugs who may be given a task right now: active, and neither ADMIN nor MANAGER. */
interface EligibleAssignees {

    /** Their ids, in a stable order (so that a given random number always picks the same popug). */
    List<UUID> ids();

    /** How many there are. */
    default int count() {
        return ids().size();
    }

    /** The one at {@code index} of {@link #ids()}; empty when there are no longer that many. */
    default Optional<UUID> at(int index) {
        List<UUID> ids = ids();
        return index < ids.size() ? Optional.of(ids.get(index)) : Optional.empty();
    }
}
