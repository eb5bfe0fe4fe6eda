package com.uberpopug.ates.app;

import com.uberpopug.ates.app.cli.AtesCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * aTES as one Spring Boot application: every module, wired here and nowhere else. With a command as
 * first argument ({@code users add …}, {@code help}) the same jar is the operators' command line.
 */
@SpringBootApplication(scanBasePackages = "com.uberpopug.ates")
public class AtesApplication {

    public static void main(String[] args) {
        // Axon's usage report calls a host outside; off unless asked for with -Daxoniq.update-checker.disabled=false.
        if (System.getProperty("axoniq.update-checker.disabled") == null) {
            System.setProperty("axoniq.update-checker.disabled", "true");
        }
        // We run without Axon Server or its console: no banner advertising it.
        if (System.getProperty("disable-axoniq-console-message") == null) {
            System.setProperty("disable-axoniq-console-message", "true");
        }
        if (AtesCli.handles(args)) {
            System.exit(AtesCli.run(args));
        }
        SpringApplication.run(AtesApplication.class, args);
    }
}
