package com.uberpopug.ates.testsupport;

import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node KRaft Kafka broker in its own JVM, from the jars that
 * {@code infra/ates-services.sh up} fetched into {@code .ates/kafka/lib}, on ports of its own and
 * with its own data folder. A test can stop it (SIGTERM, data kept) and start it again on the same
 * port: a real outage, not a mock.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path lib;
    private final Path home;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path lib, Path home, int port, int controllerPort) {
        this.lib = lib;
        this.home = home;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats a new broker on free ports and starts it. */
    public static KafkaBrokerProcess startNew() {
        Path lib = atesHome().resolve("kafka/lib");
        if (!Files.isRegularFile(lib.resolve(".complete"))) {
            throw new IllegalStateException("Kafka jars missing in " + lib + ": run infra/ates-services.sh up first");
        }
        try {
            KafkaBrokerProcess broker = new KafkaBrokerProcess(lib, Files.createTempDirectory("ates-kafka-"),
                    freePort(), freePort());
            broker.format();
            broker.start();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java(List.of("-Xmx384m", "kafka.Kafka", home.resolve("server.properties").toString()), "kafka.out");
        awaitPort(true, 60);
    }

    /** Stops the broker as an operator would (SIGTERM); its data stays for the next start. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        awaitPort(false, 30);
    }

    /** Stops the broker and deletes its data: nothing of it is left for a later run. */
    @Override
    public void close() {
        stop();
        try (var files = Files.walk(home)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the Kafka test broker's folder " + home, e);
        }
    }

    private void format() throws IOException {
        Files.writeString(home.resolve("server.properties"), String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + home.resolve("data"),
                "num.partitions=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=-1", ""));
        Files.writeString(home.resolve("log4j.properties"), String.join("\n",
                "log4j.rootLogger=WARN, file",
                "log4j.appender.file=org.apache.log4j.FileAppender",
                "log4j.appender.file.File=" + home.resolve("kafka.log"),
                "log4j.appender.file.layout=org.apache.log4j.PatternLayout",
                "log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n", ""));
        Process format = java(List.of("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                "-c", home.resolve("server.properties").toString()), "format.out");
        try {
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting the Kafka test broker failed, see " + home.resolve("format.out"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Process java(List<String> arguments, String output) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", lib + "/*", "-Dlog4j.configuration=file:" + home.resolve("log4j.properties")));
        command.addAll(arguments);
        try {
            return new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve(output).toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a Kafka test broker JVM", e);
        }
    }

    private void awaitPort(boolean open, int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (listening() == open) {
                return;
            }
            if (open && !process.isAlive()) {
                throw new IllegalStateException("the Kafka test broker died, see " + home.resolve("kafka.out"));
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the Kafka test broker", e);
            }
        }
        throw new IllegalStateException("the Kafka test broker did not " + (open ? "open" : "close")
                + " port " + port + " within " + seconds + " s, see " + home);
    }

    private boolean listening() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** {@code $ATES_HOME}, or the {@code .ates} folder of the checkout the tests run in. */
    public static Path atesHome() {
        String configured = System.getenv("ATES_HOME");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("infra/ates-services.sh"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the aTES checkout above " + Path.of("").toAbsolutePath());
        }
        return dir.resolve(".ates");
    }
}
