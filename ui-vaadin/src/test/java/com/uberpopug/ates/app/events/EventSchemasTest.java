package com.uberpopug.ates.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uberpopug.ates.app.events.EventCatalogue.Event;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published catalogue ({@code docs/events}) and the events of the code agree: every event has the
 * schema of its revision committed, a committed schema changes only by fields added (which old readers
 * ignore; anything else needs a new {@code @Revision} and an upcaster, as ADR 0006 did), no schema is left
 * without its event, and the AsyncAPI document lists them all. With {@code -Dates.events.write=true} the test
 * records what is missing or added instead of failing on it (never a change to a published field).
 */
class EventSchemasTest {

    private static final boolean WRITE = Boolean.getBoolean("ates.events.write");

    private final List<Event> events = EventCatalogue.events();

    @Test
    void theCatalogueFindsTheEventsOfEveryContext() {
        assertThat(events).extracting(Event::name)
                .contains("PopugRegistered", "TaskCreated", "TaskAssigned", "TaskCompleted", "AccountDebited", "PayoutIssued");
        assertThat(events).filteredOn(event -> event.name().equals("TaskCreated")).extracting(Event::revision).containsExactly("2");
    }

    @Test
    void everyEventHasTheSchemaOfItsRevisionAndAPublishedSchemaOnlyGainsFields() throws IOException {
        List<String> problems = new ArrayList<>();
        for (Event event : events) {
            ObjectNode generated = event.schema();
            Path file = event.schemaFile();
            if (!Files.exists(file)) {
                record(file, generated, problems, event.name() + " revision " + event.revision() + " has no schema in " + file);
                continue;
            }
            JsonNode published = EventCatalogue.json().readTree(file.toFile());
            if (published.equals(generated)) {
                continue;
            }
            List<String> changed = changesOtherThanAddedFields(published, generated);
            if (changed.isEmpty()) {
                record(file, generated, problems, event.name() + " revision " + event.revision() + " gained fields not yet in " + file);
            } else {
                problems.add(event.name() + " revision " + event.revision() + " is published as " + file + " and changed: "
                        + changed + ". Readers of that revision would break: give the event a new @Revision and an upcaster "
                        + "(docs/adr/0006), and keep the old schema.");
            }
        }
        assertThat(problems).as("the event catalogue against the code").isEmpty();
    }

    @Test
    void aCommittedSchemaRefusesAPayloadOfAnotherShape() throws IOException {
        Path taskCreated = EventCatalogue.DOCS.resolve("ates.tasks/TaskCreated.2.json");
        JsonNode valid = EventCatalogue.json().readTree("""
                {"taskId": "5f0c2a53-6c8e-4a59-9d0b-1b1f6c3d2e10", "title": "Fix the beak", "jiraId": null, "description": ""}""");
        assertThat(EventCatalogue.validator(taskCreated).validate(valid)).isEmpty();
        assertThat(EventCatalogue.validator(taskCreated).validate(((ObjectNode) valid.deepCopy()).put("taskId", "42"))).as("not a uuid").isNotEmpty();
        assertThat(EventCatalogue.validator(taskCreated).validate(((ObjectNode) valid.deepCopy()).put("title", 7))).as("not a string").isNotEmpty();
    }

    @Test
    void everyCommittedSchemaIsARevisionOfAnEvent() throws IOException {
        Map<String, Integer> current = events.stream().collect(Collectors.toMap(
                event -> event.topic().topicName() + "/" + event.name(), event -> Integer.parseInt(event.revision())));
        try (Stream<Path> files = Files.walk(EventCatalogue.DOCS)) {
            List<String> orphans = files.filter(file -> file.getParent() != null && !file.getParent().equals(EventCatalogue.DOCS))
                    .filter(file -> file.toString().endsWith(".json"))
                    .map(file -> EventCatalogue.DOCS.relativize(file).toString().replace('\\', '/'))
                    .filter(name -> {
                        String[] parts = name.replaceFirst("\\.json$", "").split("\\.(?=\\d+$)");
                        Integer revision = current.get(parts[0]);
                        // An older revision stays published: stored events of it are still read (upcast).
                        return revision == null || Integer.parseInt(parts[1]) > revision;
                    })
                    .toList();
            assertThat(orphans).as("schemas in docs/events without an event of that name and revision").isEmpty();
        }
    }

    @Test
    void theAsyncApiDocumentListsEveryEvent() throws IOException {
        JsonNode generated = AsyncApiDocument.of(events);
        Path file = EventCatalogue.DOCS.resolve("asyncapi.json");
        if (WRITE) {
            write(file, generated);
        }
        assertThat(Files.exists(file)).as(file + " (write it with -Dates.events.write=true)").isTrue();
        assertThat(EventCatalogue.json().readTree(file.toFile())).as(file + " against the events of the code "
                + "(write it again with -Dates.events.write=true)").isEqualTo(generated);
    }

    /** Differences between a published schema and the generated one, other than properties the generated one adds. */
    static List<String> changesOtherThanAddedFields(JsonNode published, JsonNode generated) {
        List<String> changes = new ArrayList<>();
        Set<String> keys = new java.util.TreeSet<>();
        published.fieldNames().forEachRemaining(keys::add);
        generated.fieldNames().forEachRemaining(keys::add);
        for (String key : keys) {
            if (key.equals("properties")) {
                continue;
            }
            if (!published.path(key).equals(generated.path(key))) {
                changes.add(key);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = published.path("properties").fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getValue().equals(generated.path("properties").path(field.getKey()))) {
                changes.add("properties." + field.getKey());
            }
        }
        return changes;
    }

    private static void record(Path file, JsonNode schema, List<String> problems, String problem) throws IOException {
        if (WRITE) {
            write(file, schema);
        } else {
            problems.add(problem + " (record it with -Dates.events.write=true)");
        }
    }

    private static void write(Path file, JsonNode content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, EventCatalogue.json().writerWithDefaultPrettyPrinter().writeValueAsString(content) + "\n");
    }
}
