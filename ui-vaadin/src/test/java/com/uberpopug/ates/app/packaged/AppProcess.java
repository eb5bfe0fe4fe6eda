package com.uberpopug.ates.app.packaged;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged application ({@code java -jar}) as its own operating-system process, on its own port and
 * with its output in a log file under {@code target/}: started, waited for, and killed without warning
 * (SIGKILL: no shutdown hooks, no graceful end of anything).
 */
public final class AppProcess {

    private final Process process;
    private final int port;
    private final Path log;

    private AppProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static AppProcess start(Path jar, Map<String, Object> properties, String name) throws IOException, InterruptedException {
        return start(jar, List.of("-Xmx768m"), properties, name);
    }

    /** Started with these JVM options (heap, a flight recording, …). */
    public static AppProcess start(Path jar, List<String> jvmOptions, Map<String, Object> properties, String name)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(), "--server.port=" + port));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // A test that fails half-way must not leave the app running after the test JVM ends.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        AppProcess app = new AppProcess(process, port, log);
        app.awaitUp(Duration.ofSeconds(180));
        return app;
    }

    private void awaitUp(Duration atMost) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(atMost);
        HttpClient http = HttpClient.newHttpClient();
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The app exited with " + process.exitValue() + " while starting; see " + log);
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url("/actuator/health"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        process.destroyForcibly();
        throw new IllegalStateException("The app did not start within " + atMost + "; see " + log);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    /** SIGKILL, and wait until the process is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A normal stop (SIGTERM), for the end of a test. */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    /** A request to the app with a JSON body (none when null), as the popug of {@code token} (none when null). */
    public HttpRequest request(String method, String path, String token, byte[] json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.build();
    }

    /** Where its output goes. */
    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** How a command of the packaged command line ended: its exit code and everything it printed. */
    public record Finished(int exitCode, String output) {
    }

    /** Runs the packaged command line ({@code java -jar … args}) with these properties, beside running instances. */
    public static Finished cli(Map<String, Object> properties, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m"));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(packagedJar().toString());
        command.addAll(List.of(args));
        Path output = Files.createTempFile("ates-cli", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("The command did not end within 180 s; output:\n" + Files.readString(output));
        }
        return new Finished(process.exitValue(), Files.readString(output));
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static Path packagedJar() {
        File[] jars = Path.of("target").toFile().listFiles((dir, name) -> name.matches("ui-vaadin-.*\\.jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No packaged app in target/: integration tests run after `package` (./mvnw verify)");
        }
        return jars[0].toPath();
    }
}
