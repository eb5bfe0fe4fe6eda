package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.accounting.AccountBalance;
import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.DayEarnings;
import com.uberpopug.ates.api.accounting.FindAuditLog;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.api.accounting.FindEarnings;
import com.uberpopug.ates.api.accounting.FindPayouts;
import com.uberpopug.ates.api.accounting.ListBalances;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutSummary;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.accounting.DayClose;
import com.uberpopug.ates.app.accounting.OpenBusinessDay;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * "Accounting" for admins and accountants: today's management earnings and every past day's, all
 * balances with any popug's audit log, payouts per day, and (admins only) closing the day by hand.
 * Prices show here only. Updates live.
 */
@Route("accounting")
@PageTitle("Accounting | aTES")
@RolesAllowed({"ADMIN", "ACCOUNTANT"})
public class AccountingView extends VerticalLayout {

    static final int EARNINGS_DAYS = 30;

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final OpenBusinessDay openBusinessDay;
    private final DayClose dayClose;
    private final String me;

    final Span todayTitle = new Span();
    final Span todayEarnings = new Span();
    final Span todayDetails = new Span();
    final Button closeDay = new Button("Close the business day");
    final Grid<DayEarnings> earnings = new Grid<>(DayEarnings.class, false);
    final Grid<AccountBalance> balances = new Grid<>(AccountBalance.class, false);
    final DatePicker logDay = DayPickers.of("Business day");
    final AuditLogGrid log = new AuditLogGrid();
    final Span logTitle = new Span("Select a popug to see their audit log.");
    final DatePicker payoutDay = DayPickers.of("Business day");
    final Grid<PayoutSummary> payouts = new Grid<>(PayoutSummary.class, false);
    final Span noPayouts = new Span("No payouts on this business day.");
    final Span closeState = new Span();
    final ProgressBar closeProgress = new ProgressBar();

    private LocalDate openDay;

    public AccountingView(CommandGateway commands, QueryGateway queries, CurrentPopug currentPopug,
                          OpenBusinessDay openBusinessDay, DayClose dayClose) {
        this.commands = commands;
        this.dayClose = dayClose;
        this.queries = queries;
        this.openBusinessDay = openBusinessDay;
        this.me = currentPopug.profile().username();
        openDay = openBusinessDay.get();

        todayEarnings.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        closeDay.addThemeVariants(ButtonVariant.LUMO_ERROR);
        closeDay.setVisible(currentPopug.hasAnyRole(Role.ADMIN));
        closeDay.addClickListener(click -> confirmClose());

        earnings.addColumn(DayEarnings::day).setHeader("Business day");
        earnings.addColumn(e -> e.fees().format()).setHeader("Fees");
        earnings.addColumn(e -> e.rewards().format()).setHeader("Rewards");
        earnings.addColumn(e -> e.earnings().format()).setHeader("Management earnings");
        earnings.addColumn(e -> e.closed() ? "closed" : "open").setHeader("Day");
        earnings.setAllRowsVisible(true);

        balances.addColumn(AccountBalance::username).setHeader("Username");
        balances.addColumn(AccountBalance::fullName).setHeader("Full name");
        balances.addColumn(b -> b.balance().format()).setHeader("Balance");
        balances.setHeight("24em"); // thousands of popugs: the grid fetches the rows in view
        balances.asSingleSelect().addValueChangeListener(change -> showLog());
        logDay.setValue(openDay);
        logDay.addValueChangeListener(change -> showLog());

        payouts.addColumn(PayoutSummary::username).setHeader("Username");
        payouts.addColumn(p -> p.amount().format()).setHeader("Amount");
        payouts.addColumn(PayoutSummary::status).setHeader("Status");
        payouts.addColumn(PayoutSummary::reason).setHeader("Reason");
        payouts.setHeight("24em");
        payoutDay.setValue(openDay);
        payoutDay.addValueChangeListener(change -> showPayouts());

        HorizontalLayout today = new HorizontalLayout(todayEarnings, todayDetails, closeDay);
        today.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        closeProgress.setWidth("24em");
        add(new H3("Accounting"), todayTitle, today, closeState, closeProgress,
                new H4("Earnings per day (last " + EARNINGS_DAYS + " days)"), earnings,
                new H4("Balances"), balances, logDay, logTitle, log,
                new H4("Payouts"), payoutDay, noPayouts, payouts);
        refresh();
        LiveUpdates.followAccounting(this, queries, this::refresh);
        // A close settles accounts without changing the read models for long stretches (carry-overs): its
        // progress is asked every second while it runs.
        addAttachListener(attach -> {
            Registration polls = attach.getUI().addPollListener(poll -> showClose());
            addDetachListener(detach -> {
                polls.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }

    private void confirmClose() {
        Confirmations.askIrreversible("Close the business day " + openDay + " now?",
                "Every positive balance is paid out and mailed; zero and negative balances carry over. "
                        + "Movements from now on count toward " + openDay.plusDays(1) + ".",
                "Close the day", this::close);
    }

    void close() {
        try {
            LocalDate closing = commands.sendAndWait(new CloseBusinessDay(openDay, me));
            Notices.success("The business day " + closing + " is closing; its progress shows above, its payouts below as they are made.");
            payoutDay.setValue(closing);
        } catch (CommandRefusedException refused) {
            Notices.error(refused.getMessage());
        }
        refresh();
    }

    void refresh() {
        openDay = openBusinessDay.get();
        List<DayEarnings> days = queries.query(new FindEarnings(openDay.minusDays(EARNINGS_DAYS - 1), openDay),
                ResponseTypes.multipleInstancesOf(DayEarnings.class)).join();
        DayEarnings today = days.stream().filter(d -> d.day().equals(openDay)).findFirst()
                .orElse(new DayEarnings(openDay, Money.ZERO, Money.ZERO, Money.ZERO, false));
        todayTitle.setText("Management earnings of business day " + openDay + " (open)");
        todayEarnings.setText(today.earnings().format());
        BusinessDaySummary open = queries.query(new FindBusinessDay(openDay), BusinessDaySummary.class).join();
        todayDetails.setText("fees " + today.fees().format() + ", rewards "
                + today.rewards().format() + (open == null ? "" : "; closes by itself at " + Moments.utc(open.closesAt())));
        List<DayEarnings> newestFirst = new java.util.ArrayList<>(days);
        java.util.Collections.reverse(newestFirst);
        earnings.setItems(newestFirst);
        AccountBalance selected = balances.asSingleSelect().getValue();
        List<AccountBalance> all = queries.query(new ListBalances(), ResponseTypes.multipleInstancesOf(AccountBalance.class)).join();
        balances.setItems(all);
        if (selected != null) {
            all.stream().filter(b -> b.popugId().equals(selected.popugId())).findFirst()
                    .ifPresent(b -> balances.asSingleSelect().setValue(b));
        }
        showLog();
        showPayouts();
        showClose();
    }

    /** The close that runs now, if one does: accounts settled of all, payouts so far. */
    void showClose() {
        Optional<CloseProgress> close = dayClose.runningClose();
        closeState.setVisible(close.isPresent());
        closeProgress.setVisible(close.isPresent());
        getUI().ifPresent(ui -> ui.setPollInterval(close.isPresent() ? 1000 : -1));
        close.ifPresent(progress -> {
            closeProgress.setValue(progress.share());
            closeState.setText(String.format("Business day %s is closing: %,d of %,d accounts settled, %,d payouts (%s) so far%s.",
                    progress.day(), progress.settled(), progress.accounts(), progress.payouts(), progress.total().format(),
                    progress.failing() == 0 ? "" : "; " + progress.failing() + " failed and are tried again"));
        });
    }

    private void showLog() {
        AccountBalance popug = balances.asSingleSelect().getValue();
        if (popug == null || logDay.getValue() == null) {
            log.setVisible(false);
            logTitle.setText("Select a popug to see their audit log.");
            return;
        }
        List<AuditLogEntry> lines = queries.query(new FindAuditLog(popug.popugId(), logDay.getValue(), logDay.getValue()),
                ResponseTypes.multipleInstancesOf(AuditLogEntry.class)).join();
        log.setItems(lines);
        log.setVisible(!lines.isEmpty());
        logTitle.setText(lines.isEmpty() ? "No movements of " + popug.username() + " on " + logDay.getValue() + "."
                : "Audit log of " + popug.username() + " on " + logDay.getValue() + ":");
    }

    private void showPayouts() {
        LocalDate day = payoutDay.getValue() == null ? openDay : payoutDay.getValue();
        List<PayoutSummary> paid = queries.query(new FindPayouts(day), ResponseTypes.multipleInstancesOf(PayoutSummary.class)).join();
        payouts.setItems(paid);
        payouts.setVisible(!paid.isEmpty());
        noPayouts.setVisible(paid.isEmpty());
    }
}
