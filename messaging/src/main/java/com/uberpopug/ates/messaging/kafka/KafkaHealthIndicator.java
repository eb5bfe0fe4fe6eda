package com.uberpopug.ates.messaging.kafka;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import java.util.concurrent.TimeUnit;

/** {@code kafka} in /actuator/health: the cluster answers within three seconds. */
@Component
class KafkaHealthIndicator extends AbstractHealthIndicator {

    private final KafkaAdmin admin;

    KafkaHealthIndicator(KafkaAdmin admin) {
        super("Kafka health check failed");
        this.admin = admin;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (AdminClient client = AdminClient.create(admin.getConfigurationProperties())) {
            DescribeClusterResult cluster = client.describeCluster(new DescribeClusterOptions().timeoutMs(3_000));
            builder.up()
                    .withDetail("clusterId", cluster.clusterId().get(3, TimeUnit.SECONDS))
                    .withDetail("brokers", cluster.nodes().get(3, TimeUnit.SECONDS).size())
                    .withDetail("bootstrapServers", admin.getConfigurationProperties().get("bootstrap.servers"));
        }
    }
}
