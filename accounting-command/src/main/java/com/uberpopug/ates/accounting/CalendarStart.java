package com.uberpopug.ates.accounting;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** On the system's very first start, opens the first business day (today, in the company's zone). */
@Component
class CalendarStart implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CalendarStart.class);

    private final CommandGateway commands;
    private final BusinessDays days;

    CalendarStart(CommandGateway commands, BusinessDays days) {
        this.commands = commands;
        this.days = days;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (days.calendarStarted()) {
            return;
        }
        try {
            commands.sendAndWait(new StartBusinessCalendar(BusinessCalendar.ID));
            log.info("First start: business day {} is open", days.openDay());
        } catch (RuntimeException raced) {
            if (!days.calendarStarted()) {
                throw raced;
            }
            // Another instance started the calendar at the same moment.
        }
    }
}
