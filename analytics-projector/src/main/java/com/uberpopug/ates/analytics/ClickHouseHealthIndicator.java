package com.uberpopug.ates.analytics;

import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code clickHouse} in /actuator/health: the server answers and says its version. */
@Component
class ClickHouseHealthIndicator extends AbstractHealthIndicator {

    private final ClickHouse clickHouse;

    ClickHouseHealthIndicator(ClickHouse clickHouse) {
        super("ClickHouse health check failed");
        this.clickHouse = clickHouse;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        String version = clickHouse.jdbc().queryForObject("SELECT version()", String.class);
        builder.up().withDetail("address", clickHouse.address()).withDetail("database", clickHouse.database())
                .withDetail("version", version);
    }
}
