package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.TextFields;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Closing by hand names no calendar (there is one); this routes the command to it, after checking who
 * closes it: a name for the log and the event, typed at the command line ({@code --as}) or the login.
 */
@Component
class BusinessDayCloser {

    static final int CLOSED_BY_MAX = 100;

    private final CommandGateway commands;

    BusinessDayCloser(CommandGateway commands) {
        this.commands = commands;
    }

    @CommandHandler
    LocalDate handle(CloseBusinessDay command) {
        if (command.closedBy() == null || command.closedBy().isBlank()) {
            throw new InvalidCommandException(List.of(new FieldProblem("closedBy", "A close names who closes the day.")));
        }
        if (command.closedBy().length() > CLOSED_BY_MAX) {
            throw new InvalidCommandException(List.of(new FieldProblem("closedBy",
                    "Who closes the day is named in at most " + CLOSED_BY_MAX + " characters.")));
        }
        TextFields.singleLine("closedBy", command.closedBy()).ifPresent(problem -> {
            throw new InvalidCommandException(List.of(problem));
        });
        return commands.sendAndWait(new CloseCalendarDay(BusinessCalendar.ID, command.day(), command.closedBy()));
    }
}
