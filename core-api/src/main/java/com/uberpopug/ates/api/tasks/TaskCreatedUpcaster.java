package com.uberpopug.ates.api.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code TaskCreated} revision 1 → 2 (docs/adr/0006-jira-id-upcaster.md). Revision 1 had only a
 * {@code title}, sometimes {@code "[UP-42] Fix beak"}; revision 2 carries the Jira id in its own field
 * and a description. Events stored before revisions were recorded (no revision) are revision 1 too.
 */
public class TaskCreatedUpcaster extends SingleEventUpcaster {

    private static final String TYPE = TaskCreated.class.getTypeName();
    private static final SimpleSerializedType REVISION_2 = new SimpleSerializedType(TYPE, "2");
    /** A leading "[KEY-123]" and the rest of the title. */
    private static final Pattern JIRA_ID_PREFIX = Pattern.compile("^\\s*\\[\\s*([A-Za-z][A-Za-z0-9]*-\\d+)\\s*]\\s*(.*)$",
            Pattern.DOTALL);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        String revision = event.getType().getRevision();
        return TYPE.equals(event.getType().getName()) && (revision == null || "1".equals(revision));
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(REVISION_2, JsonNode.class, TaskCreatedUpcaster::toRevision2);
    }

    static JsonNode toRevision2(JsonNode revision1) {
        ObjectNode task = ((ObjectNode) revision1).deepCopy();
        String title = task.path("title").asText("");
        Matcher prefixed = JIRA_ID_PREFIX.matcher(title);
        if (prefixed.matches()) {
            task.put("jiraId", prefixed.group(1).toUpperCase());
            task.put("title", prefixed.group(2).strip());
        } else {
            task.putNull("jiraId");
        }
        if (!task.hasNonNull("description")) {
            task.put("description", "");
        }
        return task;
    }
}
