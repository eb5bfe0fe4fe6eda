package com.uberpopug.ates.analytics;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

@Configuration
@EnableConfigurationProperties(ClickHouseProperties.class)
class AnalyticsConfiguration {

    @Bean
    ClickHouse clickHouse(ClickHouseProperties properties, DataSource postgres) {
        ClickHouse clickHouse = new ClickHouse(properties);
        // The schema is in place before any projector writes (they are built after this bean).
        new ClickHouseSchema(clickHouse).migrateTakingTurns(postgres);
        return clickHouse;
    }
}
