package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.IsEligibleAssignee;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may be assigned tasks, as the task context learns it from identity events on Kafka: the
 * active popugs whose role is neither ADMIN nor MANAGER. Every handler is an idempotent upsert, so
 * redelivery and replay change nothing.
 *
 * <p>Each eligible popug holds a slot, 0 .. n - 1 with none empty, so that a draw is two index look-ups at any
 * company size. A popug who leaves hands their slot to the holder of the last one. Slots are given out under a
 * lock held to the end of the processor's transaction, taken before any row is written: the processor's segments
 * handle different popugs at once, and two of them giving out the same next slot, or moving the same last holder,
 * must wait for each other (identity events are few; a registration of 10,000 popugs is a few batches). Which popug
 * holds which slot depends on the order the segments happened to run in; it is no fact of identity, and the draw
 * is uniform over the slots whatever their order.
 */
@Component
@ProcessingGroup(TaskAssignees.PROCESSING_GROUP)
class TaskAssignees implements EligibleAssignees {

    static final String PROCESSING_GROUP = "task-assignees";
    private static final Set<String> ELIGIBLE_ROLES = Set.of(Role.ACCOUNTANT.name(), Role.WORKER.name());

    private final JdbcTemplate jdbc;

    TaskAssignees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PopugRegistered event) {
        lockSlots();
        boolean eligible = ELIGIBLE_ROLES.contains(event.role().name());
        jdbc.update("""
                INSERT INTO task_assignees (popug_id, username, role, active, slot) VALUES (?, ?, ?, TRUE, ?)
                ON CONFLICT (popug_id) DO NOTHING""", event.popugId(), event.username(), event.role().name(),
                eligible ? nextSlot() : null);
    }

    @EventHandler
    void on(PopugRoleChanged event) {
        lockSlots();
        row(event.popugId()).ifPresent(popug -> settle(popug, event.to().name(), popug.active()));
    }

    @EventHandler
    void on(PopugDeactivated event) {
        lockSlots();
        row(event.popugId()).ifPresent(popug -> settle(popug, popug.role(), false));
    }

    @Override
    public List<UUID> ids() {
        return jdbc.queryForList("SELECT popug_id FROM task_assignees WHERE slot IS NOT NULL ORDER BY slot", UUID.class);
    }

    @Override
    public int count() {
        return nextSlot();
    }

    @Override
    public Optional<UUID> at(int index) {
        return jdbc.queryForList("SELECT popug_id FROM task_assignees WHERE slot = ?", UUID.class, index).stream().findFirst();
    }

    @QueryHandler
    Boolean handle(IsEligibleAssignee query) {
        return jdbc.queryForObject("""
                SELECT count(*) > 0 FROM task_assignees
                WHERE popug_id = ? AND active AND role IN ('ACCOUNTANT', 'WORKER')""", Boolean.class, query.popugId());
    }

    /** Writes the popug's new role and activity, with a slot exactly when these make them eligible. */
    private void settle(Assignee popug, String role, boolean active) {
        boolean eligible = active && ELIGIBLE_ROLES.contains(role);
        Integer slot = !eligible ? null : popug.slot() != null ? popug.slot() : nextSlot();
        jdbc.update("UPDATE task_assignees SET role = ?, active = ?, slot = ? WHERE popug_id = ?",
                role, active, slot, popug.id());
        if (!eligible && popug.slot() != null) {
            // The last slot's holder moves into the one given up, so that none stays empty.
            jdbc.update("UPDATE task_assignees SET slot = ? WHERE slot = (SELECT max(slot) FROM task_assignees) AND slot > ?",
                    popug.slot(), popug.slot());
        }
    }

    /** What the table knows of the popug; empty before their registration has come. */
    private Optional<Assignee> row(UUID popugId) {
        return jdbc.query("SELECT popug_id, role, active, slot FROM task_assignees WHERE popug_id = ?",
                (row, n) -> new Assignee(row.getObject(1, UUID.class), row.getString(2), row.getBoolean(3),
                        row.getObject(4, Integer.class)), popugId).stream().findFirst();
    }

    /** The slot after the last one held, which is how many popugs hold one. */
    private int nextSlot() {
        Integer next = jdbc.queryForObject("SELECT coalesce(max(slot) + 1, 0) FROM task_assignees", Integer.class);
        return next == null ? 0 : next;
    }

    /** Held until the processor's transaction ends (see the class comment). */
    private void lockSlots() {
        jdbc.execute("SELECT pg_advisory_xact_lock(hashtext('task_assignees.slot'))");
    }

    private record Assignee(UUID id, String role, boolean active, Integer slot) {
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE task_assignees");
    }
}
