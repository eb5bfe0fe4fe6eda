package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.AccountBalance;
import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.DayEarnings;
import com.uberpopug.ates.api.accounting.FindAuditLog;
import com.uberpopug.ates.api.accounting.FindBalance;
import com.uberpopug.ates.api.accounting.FindEarnings;
import com.uberpopug.ates.api.accounting.FindPayouts;
import com.uberpopug.ates.api.accounting.ListBalances;
import com.uberpopug.ates.api.accounting.PayoutSummary;
import com.uberpopug.ates.app.accounting.DayClose;
import com.uberpopug.ates.app.accounting.Days;
import com.uberpopug.ates.app.accounting.OpenBusinessDay;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/accounts…}, {@code /api/accounting…}, {@code /api/payouts} (API.md). Money is a JSON number
 * of dollars with two decimals, computed from exact cents; days are business days.
 */
@RestController
class AccountingApi {

    private final DayClose dayClose;
    private final OpenBusinessDay openBusinessDay;
    private final QueryGateway queries;
    private final Callers callers;
    private final Duration closeWait;

    AccountingApi(DayClose dayClose, OpenBusinessDay openBusinessDay, QueryGateway queries, Callers callers,
                  @Value("${ates.accounting.close-wait:5m}") Duration closeWait) {
        this.dayClose = dayClose;
        this.openBusinessDay = openBusinessDay;
        this.queries = queries;
        this.callers = callers;
        this.closeWait = closeWait;
    }

    record Balance(UUID popugId, BigDecimal balance) {
    }

    record NamedBalance(UUID popugId, String username, BigDecimal balance) {
    }

    record LogLine(Instant at, LocalDate day, BigDecimal amount, String kind, UUID taskId, String taskTitle,
                   String jiraId, UUID payoutId, String description) {
    }

    record Earnings(LocalDate day, BigDecimal fees, BigDecimal rewards, BigDecimal earnings, boolean closed) {
    }

    record Payout(UUID payoutId, UUID popugId, String username, BigDecimal amount, LocalDate day, String status,
                  String reason) {
    }

    record CloseRequest(LocalDate day) {
    }

    /** A close as far as it came: {@code closing} (accounts settled of all so far) or {@code closed}. */
    record Close(LocalDate day, String status, int accounts, int settled, int failing, int payouts, BigDecimal total) {

        static Close of(CloseProgress close) {
            return new Close(close.day(), close.finished() ? "closed" : "closing", close.accounts(), close.settled(),
                    close.failing(), close.payouts(), close.total().toDollars());
        }
    }

    @GetMapping("/api/accounts/me")
    Balance myBalance(Authentication current) {
        UUID me = callers.id(current);
        return new Balance(me, queries.query(new FindBalance(me), AccountBalance.class).join().balance().toDollars());
    }

    @GetMapping("/api/accounts/me/log")
    List<LogLine> myLog(Authentication current, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return log(callers.id(current), day, from, to);
    }

    @GetMapping("/api/accounts")
    List<NamedBalance> balances() {
        return queries.query(new ListBalances(), ResponseTypes.multipleInstancesOf(AccountBalance.class)).join().stream()
                .map(b -> new NamedBalance(b.popugId(), b.username(), b.balance().toDollars())).toList();
    }

    @GetMapping("/api/accounts/{popugId}/log")
    List<LogLine> logOf(@PathVariable UUID popugId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return log(popugId, day, from, to);
    }

    @GetMapping("/api/accounting/earnings")
    List<Earnings> earnings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? openDay() : Days.check("to", to);
        LocalDate first = from == null ? last.minusDays(29) : from;
        Days.checkRange(first, last);
        return queries.query(new FindEarnings(first, last), ResponseTypes.multipleInstancesOf(DayEarnings.class)).join()
                .stream().map(e -> new Earnings(e.day(), e.fees().toDollars(), e.rewards().toDollars(),
                        e.earnings().toDollars(), e.closed())).toList();
    }

    @GetMapping("/api/payouts")
    List<Payout> payouts(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return queries.query(new FindPayouts(day == null ? openDay() : Days.check("day", day)),
                        ResponseTypes.multipleInstancesOf(PayoutSummary.class)).join().stream()
                .map(p -> new Payout(p.payoutId(), p.popugId(), p.username(), p.amount().toDollars(), p.day(),
                        p.status(), p.reason())).toList();
    }

    /**
     * Closes the open business day and waits for its payouts: 200 once it is closed; 202 with how far it came
     * when that takes longer than {@code ates.accounting.close-wait} (it goes on; its Location tells how it
     * goes); 409 when that day has not begun yet (naming it and when it begins), or when {@code day} is given
     * and is not the open one (a day already closed is named).
     */
    @PostMapping("/api/accounting/close-day")
    ResponseEntity<Close> closeDay(Authentication current, @RequestBody(required = false) CloseRequest request) {
        CloseProgress close = dayClose.closeAndWait(request == null ? null : Days.check("day", request.day()),
                current.getName(), closeWait, progress -> { });
        if (close.finished()) {
            return ResponseEntity.ok(Close.of(close));
        }
        return ResponseEntity.accepted().location(URI.create("/api/accounting/closes/" + close.day())).body(Close.of(close));
    }

    /** How far the close of a business day has come; 404 if none started. */
    @GetMapping("/api/accounting/closes/{day}")
    Close close(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return Close.of(dayClose.progressOf(Days.check("day", day)).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, "No close of the business day " + day + " has started.")));
    }

    private List<LogLine> log(UUID popugId, LocalDate day, LocalDate from, LocalDate to) {
        if (day != null && (from != null || to != null)) {
            throw new InvalidCommandException(List.of(new FieldProblem("day", "Give either a day or from and to, not both.")));
        }
        Days.check("day", day);
        LocalDate first = day != null ? day : from != null ? from : openDay();
        LocalDate last = day != null ? day : to != null ? to : first;
        Days.checkRange(first, last);
        return queries.query(new FindAuditLog(popugId, first, last), ResponseTypes.multipleInstancesOf(AuditLogEntry.class))
                .join().stream().map(l -> new LogLine(l.at(), l.day(), l.amount().toDollars(), l.kind(), l.taskId(),
                        l.taskTitle(), l.jiraId(), l.payoutId(), l.description())).toList();
    }

    private LocalDate openDay() {
        return openBusinessDay.get();
    }

}
