package com.uberpopug.ates.app.packaged;

import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The day's closing time passes while three instances run: the persistent deadline (one db-scheduler row,
 * picked by one instance) closes the day exactly once, and the next day's close is scheduled once.
 */
class DeadlineOnceIT {

    private static final String EVENTS = "SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.";

    @Test
    void theClosingTimeClosesTheDayOnceAcrossInstances() throws Exception {
        LocalTime closeAt = LocalTime.now(ZoneOffset.UTC).plusSeconds(100).truncatedTo(ChronoUnit.SECONDS);
        assumeThat(closeAt).as("not across midnight").isAfter(LocalTime.of(0, 3));
        Map<String, Object> properties = new HashMap<>(IsolatedServices.newNamespace());
        properties.put("ates.accounting.zone", "UTC");
        properties.put("ates.accounting.close-at", closeAt.toString());
        Path jar = AppProcess.packagedJar();
        List<AppProcess> instances = new ArrayList<>();
        ExecutorService starting = Executors.newFixedThreadPool(3);
        try (AppDatabase db = new AppDatabase(properties)) {
            List<Future<AppProcess>> started = new ArrayList<>();
            for (String name : List.of("deadline-once-a", "deadline-once-b", "deadline-once-c")) {
                started.add(starting.submit(() -> AppProcess.start(jar, properties, name)));
            }
            for (Future<AppProcess> instance : started) {
                instances.add(instance.get());
            }
            Duration beforeTheClose = Duration.between(LocalTime.now(ZoneOffset.UTC), closeAt);
            assumeThat(beforeTheClose).as("all three instances were up before the closing time")
                    .isGreaterThan(Duration.ofSeconds(5));
            assertThat(db.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'"))
                    .as("one deadline for the three instances").isEqualTo(1);

            db.awaitCount(EVENTS + "accounting.BusinessDayClosed'", 1);
            Thread.sleep(15_000); // longer than db-scheduler's polling: another instance firing late would show
            assertThat(db.count(EVENTS + "accounting.BusinessDayCloseStarted'")).as("the close started once").isEqualTo(1);
            assertThat(db.count(EVENTS + "accounting.BusinessDayClosed'")).as("the day closed once").isEqualTo(1);
            assertThat(db.count(EVENTS + "accounting.BusinessDayOpened'")).as("the opening day and the next one").isEqualTo(2);
            assertThat(db.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'"))
                    .as("the next day's close, scheduled once").isEqualTo(1);
        } finally {
            starting.shutdownNow();
            for (AppProcess instance : instances) {
                instance.stop();
            }
        }
    }
}
