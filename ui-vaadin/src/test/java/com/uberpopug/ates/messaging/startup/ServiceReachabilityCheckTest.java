package com.uberpopug.ates.messaging.startup;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(OutputCaptureExtension.class)
class ServiceReachabilityCheckTest {

    @Test
    void theApplicationStopsNamingEachUnreachableServiceItsAddressAndTheStartCommand(CapturedOutput output)
            throws IOException {
        int closedPort = closedPort();
        SpringApplication app = new SpringApplication(com.uberpopug.ates.app.AtesApplication.class);
        String[] args = {
                "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + closedPort + "/ates",
                "--spring.kafka.bootstrap-servers=127.0.0.1:" + closedPort,
                "--ates.clickhouse.url=jdbc:clickhouse://127.0.0.1:" + closedPort,
                "--spring.data.redis.port=" + closedPort};

        assertThatThrownBy(() -> app.run(args)).isInstanceOf(ServicesUnreachableException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("PostgreSQL  is not reachable at 127.0.0.1:" + closedPort + " (property spring.datasource.url)")
                .contains("Kafka       is not reachable at 127.0.0.1:" + closedPort)
                .contains("ClickHouse  is not reachable at 127.0.0.1:" + closedPort)
                .contains("Redis       is not reachable at 127.0.0.1:" + closedPort)
                .contains("infra/ates-services.sh up")
                .doesNotContain("\tat org.springframework");
    }

    @Test
    void addressesComeFromTheApplicationsOwnProperties() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:6543/ates")
                .withProperty("spring.kafka.bootstrap-servers", "kafka1:19092,kafka2:19092")
                .withProperty("ates.clickhouse.url", "jdbc:clickhouse://ch:18123")
                .withProperty("spring.data.redis.host", "cache")
                .withProperty("spring.data.redis.port", "16379");

        assertThat(ServiceReachabilityCheck.requiredServices(env))
                .extracting(RequiredService::name, RequiredService::address)
                .containsExactly(
                        tuple("PostgreSQL", "db.example:6543"), tuple("Kafka", "kafka1:19092"),
                        tuple("ClickHouse", "ch:18123"), tuple("Redis", "cache:16379"));
    }

    @Test
    void withoutPropertiesTheDefaultLocalAddressesAreChecked() {
        assertThat(ServiceReachabilityCheck.requiredServices(new MockEnvironment()))
                .extracting(RequiredService::address)
                .containsExactly("127.0.0.1:5432", "127.0.0.1:9092", "127.0.0.1:8123", "localhost:6379");
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
