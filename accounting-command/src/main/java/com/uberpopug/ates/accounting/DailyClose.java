package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.SettleAccount;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The close of a business day: every account is settled for it (a positive balance paid out, the rest
 * carried over), then the day is reported closed with its totals. All of it is one transaction of this
 * processor's batch: if the process dies halfway nothing of it is stored, and after the restart the
 * processor handles the same event again and does all of it. Settling is idempotent per account and
 * day, and payout ids are derived from popug and day, so no path pays anyone twice for a day.
 */
@Component
@ProcessingGroup(DailyClose.PROCESSING_GROUP)
class DailyClose {

    static final String PROCESSING_GROUP = "accounting-close";

    private static final Logger log = LoggerFactory.getLogger(DailyClose.class);

    private final CommandGateway commands;
    private final BusinessDays days;

    DailyClose(CommandGateway commands, BusinessDays days) {
        this.commands = commands;
        this.days = days;
    }

    @EventHandler
    void on(BusinessDayCloseStarted event) {
        int payouts = 0;
        Money total = Money.ZERO;
        for (UUID popugId : days.accounts()) {
            Money paid = commands.sendAndWait(new SettleAccount(popugId, event.day(), payoutId(popugId, event.day())));
            if (paid != null) {
                payouts++;
                total = total.plus(paid);
            }
        }
        commands.sendAndWait(new FinishBusinessDay(BusinessCalendar.ID, event.day(), payouts, total));
        log.info("Business day {} closed by {}: {} payouts, {} in all", event.day(), event.closedBy(), payouts, total.format());
    }

    /** The same popug and day always give the same payout id. */
    static UUID payoutId(UUID popugId, LocalDate day) {
        return UUID.nameUUIDFromBytes(("payout:" + popugId + ":" + day).getBytes(StandardCharsets.UTF_8));
    }
}
