package com.uberpopug.ates.tasks;

import java.util.List;
import java.util.UUID;

/** The popugs who may be given a task right now: active, and neither ADMIN nor MANAGER. */
interface EligibleAssignees {

    /** Their ids, in a stable order (so that a given random number always picks the same popug). */
    List<UUID> ids();
}
