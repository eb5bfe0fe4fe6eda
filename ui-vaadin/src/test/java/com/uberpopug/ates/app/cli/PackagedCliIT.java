package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

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
            Finished processors = cli(IsolatedServices.newNamespace(), "processors");

            assertThat(processors.exitCode()).as("exit code; output:%n%s", processors.output()).isIn(0, 4);
            assertThat(processors.output()).contains("PROCESSOR", "kafka-publisher").doesNotContain("already in use");
        }
    }

    @Test
    void aCommandWhoseServicesDoNotAnswerExitsInsteadOfHanging() throws Exception {
        Finished processors = cli(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "ates.startup-check.enabled", "true"), "processors");

        assertThat(processors.exitCode()).as("output:%n%s", processors.output()).isEqualTo(1);
        assertThat(processors.output()).contains("PostgreSQL");
    }

    @Test
    void aFirstAdminPasswordLongerThan72BytesStopsTheFirstStartNamingIt() throws Exception {
        Map<String, Object> namespace = new java.util.HashMap<>(IsolatedServices.newNamespace());
        namespace.put("ates.admin.password", "é1" + "x".repeat(70));

        Finished processors = cli(namespace, "processors");

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

    private record Finished(int exitCode, String output) {
    }

    private static Finished cli(Map<String, Object> properties, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(AppProcess.javaBinary(), "-Xmx512m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(AppProcess.packagedJar().toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("ates-cli", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The command did not end within 180 s; output:\n" + Files.readString(output));
        }
        return new Finished(process.exitValue(), Files.readString(output));
    }
}
