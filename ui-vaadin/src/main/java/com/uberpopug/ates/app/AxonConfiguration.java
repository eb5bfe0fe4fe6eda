package com.uberpopug.ates.app;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.TokenStoreProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon without Axon Server: the JDBC event store (Axon's own auto-configuration, schema by Flyway)
 * and the choices that auto-configuration would get wrong for us.
 */
@Configuration
public class AxonConfiguration {

    /**
     * Every tracking token in PostgreSQL. Declared here because the Kafka extension would otherwise
     * put the tokens in a Kafka topic when its publisher runs in tracking mode.
     */
    @Bean
    TokenStore tokenStore(ConnectionProvider connectionProvider, Serializer serializer,
                          TokenStoreProperties tokenStoreProperties) {
        return JdbcTokenStore.builder()
                .connectionProvider(connectionProvider)
                .schema(TokenSchema.builder().build())
                .serializer(serializer)
                .claimTimeout(tokenStoreProperties.getClaimTimeout())
                .build();
    }

    /**
     * A failing handler stops its processor, which retries the batch with back-off, instead of
     * Axon's default of logging the error and skipping the event: skipping would lose money or a
     * Kafka record. (Dead letters come with the operations issue.)
     */
    @Bean
    ConfigurerModule failingHandlersRetry() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
    }
}
