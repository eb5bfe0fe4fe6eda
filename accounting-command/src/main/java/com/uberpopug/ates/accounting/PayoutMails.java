package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * The seed's SENDER: one e-mail per payout, over SMTP, to the popug's address as accounting's identity
 * replica knows it. The payout is marked as mailed after the mail went out, in the processor's
 * transaction: a failed send leaves no mark, so the processor's retry (an outage) or the retry of the
 * parked letter sends it. (A crash between a successful send and the commit could send one mail twice;
 * SMTP offers no better.)
 */
@Component
@ProcessingGroup(PayoutMails.PROCESSING_GROUP)
class PayoutMails {

    static final String PROCESSING_GROUP = "payout-mails";

    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final String from;

    PayoutMails(JavaMailSender mail, JdbcTemplate jdbc, @Value("${ates.mail.from:payroll@uberpopug.local}") String from) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.from = from;
    }

    @EventHandler
    void on(PayoutIssued payout) {
        List<Map<String, Object>> popug = jdbc.queryForList(
                "SELECT full_name, email FROM accounting_popugs WHERE popug_id = ?", payout.popugId());
        if (popug.isEmpty()) {
            // The popug's PopugRegistered has not arrived from Kafka yet (another topic): try again later.
            throw new IllegalStateException("No e-mail address known yet for popug " + payout.popugId());
        }
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM accounting_payout_mails WHERE payout_id = ?)", Boolean.class, payout.payoutId()))) {
            return; // mailed before
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo((String) popug.get(0).get("email"));
        message.setSubject("aTES payout for " + payout.day() + ": " + payout.amount().format());
        message.setText("Hello " + popug.get(0).get("full_name") + ",\n\n"
                + "your earnings of the business day " + payout.day() + " were paid out: " + payout.amount().format() + ".\n"
                + "Payout id: " + payout.payoutId() + "\n\n-- aTES accounting\n");
        mail.send(message);
        jdbc.update("INSERT INTO accounting_payout_mails (payout_id) VALUES (?)", payout.payoutId());
    }
}
