package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/** Closing by hand names no calendar (there is one); this routes the command to it. */
@Component
class BusinessDayCloser {

    private final CommandGateway commands;

    BusinessDayCloser(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    LocalDate handle(CloseBusinessDay command) {
        return commands.sendAndWait(new CloseCalendarDay(BusinessCalendar.ID, command.day(), command.closedBy()));
    }
}
