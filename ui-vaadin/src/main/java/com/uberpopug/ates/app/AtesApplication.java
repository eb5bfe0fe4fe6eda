package com.uberpopug.ates.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** aTES as one Spring Boot application: every module, wired here and nowhere else. */
@SpringBootApplication(scanBasePackages = "com.uberpopug.ates")
public class AtesApplication {

    public static void main(String[] args) {
        SpringApplication.run(AtesApplication.class, args);
    }
}
