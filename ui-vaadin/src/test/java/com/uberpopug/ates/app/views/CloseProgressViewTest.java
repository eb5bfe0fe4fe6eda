package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.InjectedFailures;
import com.uberpopug.ates.app.TestClock;
import com.uberpopug.ates.app.TestPopugs;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Accounting page while a close runs: a close held open by one account whose settlement is refused
 * (an injected bug) shows its progress, polled every second, until the account is fixed and the day closes.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=dead-letters")
@Import(InjectedFailures.class)
class CloseProgressViewTest extends KaribuViewTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    TestClock clock;

    @AfterEach
    void fixed() {
        InjectedFailures.fixAll();
    }

    @Test
    void theAccountingPageShowsAClosingDaysProgressUntilTheDayIsClosed() {
        TestPopugs.Registered held = TestPopugs.eligibleWorker(commands, postgres);
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM accounting_accounts WHERE popug_id = ?", Long.class, held.id()) == 1);
        InjectedFailures.refusedSettlements.add(held.id());
        LocalDate day = clock.letOpenDayBegin(postgres);

        login("admin", Role.ADMIN.name());
        UI.getCurrent().navigate(AccountingView.class);
        AccountingView page = _get(AccountingView.class);
        assertThat(page.closeState.isVisible()).as("no close runs").isFalse();
        assertThat(page.closeProgress.isVisible()).isFalse();
        _get(page.closeDay.getClass(), spec -> spec.withText("Close the business day")).click();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.showClose(); // what the page does on each poll
            assertThat(page.closeState.getText()).matches("Business day " + day + " is closing: [\\d,]+ of [\\d,]+ accounts settled, "
                    + "[\\d,]+ payouts \\(\\$[\\d,]+\\.\\d\\d\\) so far; 1 failed and are tried again\\.");
        });
        assertThat(page.closeState.isVisible()).isTrue();
        assertThat(page.closeProgress.isVisible()).isTrue();
        assertThat(page.closeProgress.getValue()).isLessThan(1);
        assertThat(UI.getCurrent().getPollInterval()).as("asked every second while the day closes").isEqualTo(1000);

        InjectedFailures.refusedSettlements.remove(held.id());
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            page.showClose();
            assertThat(page.closeState.isVisible()).as("closed").isFalse();
        });
        assertThat(page.closeProgress.isVisible()).isFalse();
        assertThat(UI.getCurrent().getPollInterval()).as("no polling once closed").isEqualTo(-1);
    }
}
