package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged command line as operators run it ({@code java -jar … <command>}), as a process of its own:
 * beside an application that listens on the default port, against services that do not answer, and on a
 * first start whose admin password BCrypt could not read whole.
 */
class PackagedCliIT {

    private static final int DEFAULT_PORT = 8080;

    @Test
    void aCommandRunsWhileTheDefaultPortIsTaken() throws Exception {
        try (ServerSocket ignored = listenOnDefaultPort()) {
            AppProcess.Finished processors = AppProcess.cli(IsolatedServices.newNamespace(), "processors");

            assertThat(processors.exitCode()).as("exit code; output:%n%s", processors.output()).isIn(0, 4);
            assertThat(processors.output()).contains("PROCESSOR", "kafka-publisher").doesNotContain("already in use");
        }
    }

    @Test
    void aCommandWhoseServicesDoNotAnswerExitsInsteadOfHanging() throws Exception {
        AppProcess.Finished processors = AppProcess.cli(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "ates.startup-check.enabled", "true"), "processors");

        assertThat(processors.exitCode()).as("output:%n%s", processors.output()).isEqualTo(1);
        assertThat(processors.output()).contains("PostgreSQL");
    }

    @Test
    void aFirstAdminPasswordLongerThan72BytesStopsTheFirstStartNamingIt() throws Exception {
        Map<String, Object> namespace = new java.util.HashMap<>(IsolatedServices.newNamespace());
        namespace.put("ates.admin.password", "é1" + "x".repeat(70));

        AppProcess.Finished processors = AppProcess.cli(namespace, "processors");

        assertThat(processors.exitCode()).as("output:%n%s", processors.output()).isEqualTo(1);
        assertThat(processors.output()).contains("ATES_ADMIN_PASSWORD (ates.admin.password) cannot be the first admin's "
                + "password: A password has at most 72 bytes");
    }

    /**
     * The stand-in for a running application: the default port taken. Should something on this machine
     * listen there already, that is the situation itself.
     */
    private static ServerSocket listenOnDefaultPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(DEFAULT_PORT));
        } catch (BindException alreadyTaken) {
            // someone listens there: exactly what this test needs
        }
        return socket;
    }
}
