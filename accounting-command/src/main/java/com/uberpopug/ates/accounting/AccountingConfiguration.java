package com.uberpopug.ates.accounting;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalTime;
import java.time.ZoneId;

/** Accounting's wiring that is not a plain component. */
@Configuration
class AccountingConfiguration {

    /** The system clock; tests that move time declare their own {@code @Primary} {@link Clock} bean. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    BusinessHours businessHours(@Value("${ates.accounting.zone:UTC}") ZoneId zone,
                                @Value("${ates.accounting.close-at:23:59:59}") LocalTime closeAt, Clock clock) {
        return new BusinessHours(zone, closeAt, clock);
    }

    /** Prices drawn with a strong random source: nobody can predict a task's price. */
    @Bean
    Pricing pricing() {
        return new Pricing(new SecureRandom());
    }
}
