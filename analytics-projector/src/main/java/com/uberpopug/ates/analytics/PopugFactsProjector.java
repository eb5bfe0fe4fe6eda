package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/**
 * Writes popugs into ClickHouse from the {@code ates.identity} topic. A role change or a deactivation is
 * a new version of the row (read with FINAL), built from the previous one in the same statement.
 */
@Component
@ProcessingGroup(TaskFactsProjector.PROCESSING_GROUP)
class PopugFactsProjector {

    private static final String REGISTER =
            "INSERT INTO popugs (popug_id, username, full_name, role, active, version) VALUES (?, ?, ?, ?, 1, ?)";

    private final ClickHouse clickHouse;

    PopugFactsProjector(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @EventHandler
    void on(PopugRegistered event, @Timestamp Instant at) {
        ClickHouseBatch.of(clickHouse, REGISTER)
                .add(event.popugId().toString(), event.username(), event.fullName(), event.role().name(), at.toEpochMilli());
    }

    @EventHandler
    void on(PopugRoleChanged event, @Timestamp Instant at) {
        // Written at once (not batched): it reads the row its registration may have written in this batch.
        flushBatch();
        clickHouse.jdbc().update("""
                INSERT INTO popugs (popug_id, username, full_name, role, active, version)
                SELECT popug_id, username, full_name, ?, active, ? FROM popugs FINAL WHERE popug_id = ?""",
                event.to().name(), at.toEpochMilli(), event.popugId().toString());
    }

    @EventHandler
    void on(PopugDeactivated event, @Timestamp Instant at) {
        flushBatch();
        clickHouse.jdbc().update("""
                INSERT INTO popugs (popug_id, username, full_name, role, active, version)
                SELECT popug_id, username, full_name, role, 0, ? FROM popugs FINAL WHERE popug_id = ?""",
                at.toEpochMilli(), event.popugId().toString());
    }

    @ResetHandler
    void reset() {
        clickHouse.jdbc().execute("TRUNCATE TABLE popugs");
    }

    private void flushBatch() {
        ClickHouseBatch.flushNow(REGISTER);
    }
}
