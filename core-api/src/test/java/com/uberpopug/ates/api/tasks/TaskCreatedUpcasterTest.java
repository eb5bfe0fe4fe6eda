package com.uberpopug.ates.api.tasks;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Revision-1 JSON, as it was stored, read back as revision 2. */
class TaskCreatedUpcasterTest {

    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private final JacksonSerializer serializer = JacksonSerializer.defaultSerializer();

    private TaskCreated upcast(String json, String revision) {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Task", TASK.toString(), 0,
                UUID.randomUUID().toString(), Instant.parse("2025-01-01T00:00:00Z"), TaskCreated.class.getTypeName(),
                revision, json.getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        List<IntermediateEventRepresentation> upcasted = new TaskCreatedUpcaster()
                .upcast(Stream.of(new InitialEventRepresentation(stored, serializer))).toList();
        assertThat(upcasted).hasSize(1);
        assertThat(upcasted.get(0).getType().getRevision()).isEqualTo("2");
        SerializedObject<byte[]> payload = upcasted.get(0).getData(byte[].class);
        return serializer.deserialize(new SimpleSerializedObject<>(payload.getData(), byte[].class,
                new SimpleSerializedType(TaskCreated.class.getTypeName(), "2")));
    }

    @Test
    void aJiraIdInBracketsMovesToItsOwnField() {
        assertThat(upcast("{\"taskId\":\"" + TASK + "\",\"title\":\"[UP-42] Fix beak\"}", "1"))
                .isEqualTo(new TaskCreated(TASK, "Fix beak", "UP-42", ""));
    }

    @Test
    void aTitleWithoutBracketsHasNoJiraId() {
        assertThat(upcast("{\"taskId\":\"" + TASK + "\",\"title\":\"Feed the parrots\"}", "1"))
                .isEqualTo(new TaskCreated(TASK, "Feed the parrots", null, ""));
    }

    @Test
    void eventsStoredBeforeRevisionsWereRecordedAreRevision1Too() {
        assertThat(upcast("{\"taskId\":\"" + TASK + "\",\"title\":\" [ up-7 ]  Polish perch \"}", null))
                .isEqualTo(new TaskCreated(TASK, "Polish perch", "UP-7", ""));
    }

    @Test
    void revision2IsLeftAlone() {
        GenericDomainEventEntry<byte[]> stored = new GenericDomainEventEntry<>("Task", TASK.toString(), 0,
                UUID.randomUUID().toString(), Instant.now(), TaskCreated.class.getTypeName(), "2",
                "{}".getBytes(StandardCharsets.UTF_8), "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(new TaskCreatedUpcaster().canUpcast(new InitialEventRepresentation(stored, serializer))).isFalse();
    }
}
