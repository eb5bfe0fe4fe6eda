package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.AtesApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The application as the command line runs it: every module, without its web side (no server, no pages,
 * no HTTP API, no security filters). A command never binds a port, so it runs beside application
 * instances on the same machine. Deliberately no {@code @Configuration} stereotype: the application's own
 * component scan must not find this class (its exclusions would switch the web side off there too).
 */
// Vaadin's (and its Hilla endpoints') configuration assumes a web application; the command line has none.
@EnableAutoConfiguration(excludeName = {"com.vaadin.flow.spring.SpringBootAutoConfiguration",
        "com.vaadin.flow.spring.SpringSecurityAutoConfiguration", "com.vaadin.hilla.EndpointController",
        "com.vaadin.hilla.push.PushConfigurer", "com.vaadin.hilla.startup.EndpointRegistryInitializer",
        "com.vaadin.hilla.startup.RouteUnifyingServiceInitListener", "com.vaadin.hilla.route.RouteUnifyingConfiguration",
        "com.vaadin.hilla.signals.config.SignalsConfiguration"})
@ComponentScan(basePackages = "com.uberpopug.ates", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = AtesApplication.class),
        @ComponentScan.Filter(type = FilterType.REGEX, pattern = "com\\.uberpopug\\.ates\\.app\\.(api|views|security)\\..*")})
class CliApplication {
}
