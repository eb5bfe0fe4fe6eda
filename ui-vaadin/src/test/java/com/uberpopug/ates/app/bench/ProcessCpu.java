package com.uberpopug.ates.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time used by the application and by each service it runs on, read from {@code /proc}: where a live
 * request's cost goes on the machine as a whole, not only inside the app's JVM.
 *
 * <p>The app's JIT compiler threads are also counted on their own: Flight Recorder samples only Java threads, so
 * the compiler's share, which stays large for minutes of load in an app of this size, shows nowhere else.
 */
final class ProcessCpu {

    /** Clock ticks per second of {@code /proc/<pid>/stat} (USER_HZ, 100 on Linux). */
    private static final double TICKS = 100.0;

    /** The part of the app's CPU that its JIT compiler threads spent. */
    static final String JIT = "of it JIT compilers";

    private ProcessCpu() {
    }

    /** CPU seconds so far of the app (and its JIT compilers), PostgreSQL, Kafka, ClickHouse, Redis, this benchmark. */
    static Map<String, Double> seconds(long appPid) throws IOException {
        Map<String, Double> seconds = new LinkedHashMap<>();
        for (String group : new String[] {"app", JIT, "PostgreSQL", "Kafka", "ClickHouse", "Redis", "benchmark"}) {
            seconds.put(group, 0.0);
        }
        seconds.put(JIT, compilerSeconds(Path.of("/proc", Long.toString(appPid))));
        long own = ProcessHandle.current().pid();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                long pid = Long.parseLong(process.getFileName().toString());
                String group = pid == appPid ? "app" : pid == own ? "benchmark" : serviceOf(process);
                if (group != null) {
                    seconds.merge(group, cpuSeconds(process), Double::sum);
                }
            }
        }
        return seconds;
    }

    static Map<String, Double> since(Map<String, Double> before, long appPid) throws IOException {
        Map<String, Double> now = seconds(appPid);
        now.replaceAll((group, value) -> value - before.getOrDefault(group, 0.0));
        return now;
    }

    /** The JIT compilers' part of the app's CPU in {@code seconds} (of {@link #since}), in per cent. */
    static double jitPercent(Map<String, Double> seconds) {
        return seconds.get("app") > 0 ? 100 * seconds.get(JIT) / seconds.get("app") : 0;
    }

    /** "app 1.23 s, PostgreSQL 0.45 s, …" divided by {@code units}. */
    static String per(Map<String, Double> seconds, double units) {
        return seconds.entrySet().stream()
                .map(entry -> String.format("%s %.2f s", entry.getKey(), entry.getValue() / units))
                .collect(Collectors.joining(", "));
    }

    /** HotSpot names its compiler threads "C1 CompilerThread0", "C2 CompilerThread0", … (cut to 15 characters here). */
    private static double compilerSeconds(Path process) throws IOException {
        try (Stream<Path> threads = Files.list(process.resolve("task"))) {
            return threads.filter(thread -> threadName(thread).matches("C[12] CompilerThre.*"))
                    .mapToDouble(ProcessCpu::cpuSeconds)
                    .sum();
        } catch (NoSuchFileException gone) {
            return 0;
        }
    }

    private static String threadName(Path thread) {
        try {
            return Files.readString(thread.resolve("comm")).strip();
        } catch (IOException gone) {
            return "";
        }
    }

    private static String serviceOf(Path process) {
        String command;
        try {
            command = new String(Files.readAllBytes(process.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException gone) {
            return null;
        }
        if (command.startsWith("postgres") || command.contains("/bin/postgres ")) {
            return "PostgreSQL";
        }
        if (command.contains("kafka.Kafka")) {
            return "Kafka";
        }
        if (command.contains("clickhouse")) {
            return "ClickHouse";
        }
        if (command.contains("redis-server")) {
            return "Redis";
        }
        return null;
    }

    private static double cpuSeconds(Path process) {
        try {
            String stat = Files.readString(process.resolve("stat"));
            // Fields after the command name (in parentheses, which may hold spaces): utime is the 14th, stime the 15th.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS;
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }
}
