package com.uberpopug.ates.messaging.processors;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the processors that have a dead-letter queue decide what to park in it. */
@Configuration
class ProcessorConfiguration {

    @Bean
    ConfigurerModule parkPoisonOnly() {
        return configurer -> configurer.eventProcessing().registerDefaultDeadLetterPolicy(config -> new ParkPoisonOnly());
    }
}
