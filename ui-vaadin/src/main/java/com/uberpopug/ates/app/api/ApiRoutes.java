package com.uberpopug.ates.app.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import java.util.Map;

/**
 * An address under {@code /api} that no endpoint has is a 404 of the API, in problem JSON, not a page:
 * without this mapping Vaadin's catch-all mapping would answer it with the dashboard's HTML. It comes after
 * the controllers' mapping (which answers 405 and 415 for a known address itself) and before Vaadin's and
 * the static resources'. It writes its answer itself: {@link ApiErrors} advises controller methods only.
 */
@Configuration
class ApiRoutes {

    @Bean
    HandlerMapping unknownApiRoutes(ObjectMapper json) {
        HttpRequestHandler notFound = (request, response) -> Problems.write(response, json, HttpStatus.NOT_FOUND,
                "This API has no " + request.getMethod() + " " + request.getRequestURI() + " (see /api/openapi.json).");
        return new SimpleUrlHandlerMapping(Map.of("/api/**", notFound), Ordered.LOWEST_PRECEDENCE - 10);
    }
}
