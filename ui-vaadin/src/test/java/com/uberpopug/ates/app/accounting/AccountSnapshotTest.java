package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.SettleAccount;
import com.uberpopug.ates.app.AtesSpringTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A busy account is snapshotted every 50 events, and an account loaded from its snapshot (plus the
 * events after it, not from memory) decides exactly as one replayed from its first event: the close
 * carries over all 450 debits.
 */
@AtesSpringTest
class AccountSnapshotTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    OpenBusinessDay openBusinessDay;
    @Autowired
    Cache accountCache;

    @Test
    void aSnapshottedAccountSettlesEveryMovement() {
        UUID popug = UUID.randomUUID();
        LocalDate day = openBusinessDay.get();
        for (int i = 0; i < 450; i++) {
            commands.sendAndWait(new DebitAccount(popug, Money.dollars(1), UUID.randomUUID(), day, "snapshot-test-" + popug + "-" + i));
        }

        String accountId = AccountId.of(popug);
        assertThat(postgres.queryForList("SELECT sequencenumber FROM snapshotevententry WHERE aggregateidentifier = ?",
                Long.class, accountId)).as("the newest snapshot replaces the older one").hasSize(1)
                .allMatch(sequence -> sequence >= 199);
        assertThat(postgres.queryForObject("SELECT convert_from(payload, 'UTF8') FROM snapshotevententry WHERE aggregateidentifier = ?",
                String.class, accountId)).contains("\"unsettled\"", "\"" + day + "\"");

        accountCache.removeAll();
        commands.sendAndWait(new SettleAccount(popug, day, UUID.randomUUID()));

        String carriedOver = postgres.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE '%.BalanceCarriedOver'""", String.class, accountId);
        assertThat(carriedOver).contains("\"cents\":-45000");
    }
}
