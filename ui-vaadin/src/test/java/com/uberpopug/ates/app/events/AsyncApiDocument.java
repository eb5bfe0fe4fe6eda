package com.uberpopug.ates.app.events;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.app.events.EventCatalogue.Event;

import java.util.List;
import java.util.Map;

/**
 * The AsyncAPI 3.0 document of the three context topics ({@code docs/events/asyncapi.json}, served at
 * {@code /api/asyncapi.json}): a channel per topic, a message per event and revision whose payload is the
 * event's schema by {@code $ref}, and the envelope every message travels in: the key and the headers that
 * Axon's Kafka publisher writes.
 */
final class AsyncApiDocument {

    /** The headers of every message, as the publisher writes them (checked on real messages by {@code PublishedEventsIT}). */
    static final Map<String, String> HEADERS = Map.of(
            "axon-message-id", "the event's id, unique: readers deduplicate by it",
            "axon-message-type", "the event's Java type, e.g. com.uberpopug.ates.api.tasks.TaskCreated",
            "axon-message-revision", "the event's revision; without a value for revision 0 (none declared)",
            "axon-message-timestamp", "when the event was stored, milliseconds since 1970 (UTC), as 8 bytes (a big-endian long)",
            "axon-message-aggregate-id", "the id of the aggregate that applied it (also the key)",
            "axon-message-aggregate-seq", "its position in that aggregate's stream, from 0, as 8 bytes (a big-endian long)",
            "axon-message-aggregate-type", "the aggregate's type, e.g. Task",
            "axon-metadata-traceId", "the trace id of the user action that caused it (docs/ARCHITECTURE.md, operating it)",
            "axon-metadata-correlationId", "the id of the message (command or event) that caused it");
    /** Headers whose value is a number in binary (8 bytes), not text. */
    static final List<String> LONGS = List.of("axon-message-timestamp", "axon-message-aggregate-seq");
    /** Headers every message carries. */
    static final List<String> REQUIRED = List.of("axon-metadata-traceId", "axon-message-id", "axon-message-type", "axon-message-timestamp",
            "axon-message-aggregate-id", "axon-message-aggregate-seq", "axon-message-aggregate-type");

    private AsyncApiDocument() {
    }

    static ObjectNode of(List<Event> events) {
        ObjectNode document = EventCatalogue.json().createObjectNode();
        document.put("asyncapi", "3.0.0");
        ObjectNode info = document.putObject("info");
        info.put("title", "aTES events");
        info.put("version", "1");
        info.put("description", "The events the contexts of aTES publish, one topic per context, keyed by aggregate id "
                + "so that the events of one aggregate stay in order. Delivery is at least once: readers deduplicate by "
                + "the axon-message-id header. Payloads are JSON (UTF-8); a reader ignores fields it does not know.");
        document.put("defaultContentType", "application/json");
        ObjectNode channels = document.putObject("channels");
        ObjectNode operations = document.putObject("operations");
        ObjectNode components = document.putObject("components");
        ObjectNode messages = components.putObject("messages");
        for (Topic topic : Topic.values()) {
            ObjectNode channel = channels.putObject(topic.topicName());
            channel.put("address", topic.topicName());
            channel.put("description", "Events of the " + topic.name().toLowerCase() + " context.");
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("publish-" + topic.name().toLowerCase());
            operation.put("action", "send");
            operation.putObject("channel").put("$ref", "#/channels/" + topic.topicName());
            ArrayNode operationMessages = operation.putArray("messages");
            for (Event event : events.stream().filter(event -> event.topic() == topic).toList()) {
                String id = event.name() + "." + event.revision();
                channelMessages.putObject(id).put("$ref", "#/components/messages/" + id);
                operationMessages.addObject().put("$ref", "#/channels/" + topic.topicName() + "/messages/" + id);
                ObjectNode message = messages.putObject(id);
                message.put("name", event.name());
                message.put("title", event.name() + ", revision " + event.revision());
                message.putObject("headers").put("$ref", "#/components/schemas/envelope-headers");
                message.putObject("payload").put("$ref", event.schemaRef());
                ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
                key.put("type", "string");
                key.put("description", "the aggregate id");
            }
        }
        ObjectNode headers = components.putObject("schemas").putObject("envelope-headers");
        headers.put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        HEADERS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(header ->
                properties.putObject(header.getKey()).put("type", LONGS.contains(header.getKey()) ? "integer" : "string")
                        .put("description", header.getValue()));
        ArrayNode required = headers.putArray("required");
        REQUIRED.forEach(required::add);
        return document;
    }
}
