package com.uberpopug.ates.app.api;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.util.regex.Pattern;

/**
 * The event catalogue, open to anyone like the OpenAPI description: {@code /api/asyncapi.json} describes
 * the Kafka topics and their messages, {@code /api/events/<topic>/<Event>.<revision>.json} the schema of
 * each payload, as {@code docs/events} holds them (the build copies them into the jar).
 */
@RestController
class EventCatalogueApi {

    private static final String CATALOGUE = "event-catalogue/";
    private static final Pattern SCHEMA = Pattern.compile("ates\\.[a-z]+/[A-Za-z]+\\.\\d+\\.json");

    @GetMapping(value = "/api/asyncapi.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> asyncApi() {
        return ResponseEntity.ok(new ClassPathResource(CATALOGUE + "asyncapi.json"));
    }

    @GetMapping(value = "/api/events/{topic}/{file}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<Resource> schema(@PathVariable String topic, @PathVariable String file) {
        String path = topic + "/" + file;
        Resource schema = new ClassPathResource(CATALOGUE + path);
        if (!SCHEMA.matcher(path).matches() || !schema.exists()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No event schema " + path + ": /api/asyncapi.json lists them.");
        }
        return ResponseEntity.ok(schema);
    }
}
