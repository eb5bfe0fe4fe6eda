package com.uberpopug.ates.app.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.uberpopug.ates.api.Topic;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.Revision;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events that travel between the contexts, as the catalogue under {@code docs/events} describes them:
 * every record of a context's package in core-api that some handler of the application takes (an
 * {@code @EventHandler}, {@code @EventSourcingHandler} or saga handler), with its topic, its revision and
 * the JSON Schema of its payload generated from the record.
 */
final class EventCatalogue {

    /** The catalogue in the repository, seen from a module's directory (where Maven runs its tests). */
    static final Path DOCS = Path.of("..", "docs", "events");
    /** The revision of an event without {@code @Revision}: Kafka messages of it carry no revision header. */
    static final String NO_REVISION = "0";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Path, JsonSchema> VALIDATORS = new ConcurrentHashMap<>();

    private EventCatalogue() {
    }

    record Event(Class<?> type, Topic topic, String revision) {

        String name() {
            return type.getSimpleName();
        }

        Path schemaFile() {
            return DOCS.resolve(topic.topicName()).resolve(name() + "." + revision + ".json");
        }

        String schemaRef() {
            return topic.topicName() + "/" + name() + "." + revision + ".json";
        }

        /** The schema of the payload, as JSON Schema 2020-12: every field typed, any field may be null, none required. */
        ObjectNode schema() {
            SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(JSON, SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
                    .with(new JacksonModule())
                    .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
                    .without(Option.SCHEMA_VERSION_INDICATOR);
            ObjectNode schema = JSON.createObjectNode();
            schema.put("$schema", SchemaVersion.DRAFT_2020_12.getIdentifier());
            schema.put("$id", "urn:ates:event:" + topic.topicName() + ":" + name() + ":" + revision);
            schema.put("title", name() + ", revision " + revision);
            schema.put("x-topic", topic.topicName());
            schema.put("x-java-type", type.getName());
            schema.setAll(new SchemaGenerator(config.build()).generateSchema(type));
            return schema;
        }
    }

    static List<Event> events() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.uberpopug.ates").stream()
                .flatMap(javaClass -> javaClass.getMethods().stream())
                .filter(method -> method.isAnnotatedWith(EventHandler.class) || method.isMetaAnnotatedWith(EventHandler.class)
                        || method.isAnnotatedWith("org.axonframework.modelling.saga.SagaEventHandler"))
                .filter(method -> !method.getRawParameterTypes().isEmpty())
                .map(method -> method.getRawParameterTypes().get(0))
                .filter(EventCatalogue::isContextEvent)
                .map(JavaClass::reflect)
                .distinct()
                .map(type -> new Event(type, Topic.of(type), revision(type)))
                .sorted(Comparator.comparing((Event event) -> event.topic().topicName()).thenComparing(Event::name))
                .toList();
    }

    private static boolean isContextEvent(JavaClass type) {
        return type.isRecord() && List.of(Topic.values()).stream()
                .anyMatch(topic -> type.getPackageName().equals("com.uberpopug.ates.api." + topic.name().toLowerCase()));
    }

    private static String revision(Class<?> type) {
        return Optional.ofNullable(type.getAnnotation(Revision.class)).map(Revision::value).orElse(NO_REVISION);
    }

    /** A committed schema as a validator of payloads, with formats (uuid, date, date-time) asserted. */
    static JsonSchema validator(Path schemaFile) {
        return VALIDATORS.computeIfAbsent(schemaFile, file -> {
            try {
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(JSON.readTree(file.toFile()),
                        SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static ObjectMapper json() {
        return JSON;
    }
}
