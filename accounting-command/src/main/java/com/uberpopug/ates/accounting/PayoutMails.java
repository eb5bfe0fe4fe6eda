package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * The seed's SENDER: one e-mail per payout, over SMTP, to the popug's address as accounting's identity
 * replica knows it. The payout is marked as mailed after the mail went out, in the processor's
 * transaction: a failed send leaves no mark, so the processor's retry (an outage) or the retry of the
 * parked letter sends it. A crash between a successful send and the commit sends it again after the
 * restart (SMTP cannot be asked what it received): then it is the same message, with the same
 * Message-ID made of the payout id, which mail systems show once.
 */
@Component
@ProcessingGroup(PayoutMails.PROCESSING_GROUP)
class PayoutMails {

    static final String PROCESSING_GROUP = "payout-mails";

    static {
        // Jakarta Mail looks up its stream provider for every message with a ServiceLoader scan of every jar on
        // the class path (a third of the mail threads' time in the profile, docs/PERFORMANCE.md); naming the one
        // it would find skips the scan.
        System.getProperties().putIfAbsent("jakarta.mail.util.StreamProvider", "org.eclipse.angus.mail.util.MailStreamProvider");
    }

    /** Only writes messages; the sender's own session sends them. */
    private static final Session WRITING = Session.getInstance(new Properties());

    private final JavaMailSender mail;
    private final JdbcTemplate jdbc;
    private final String from;

    PayoutMails(JavaMailSender mail, JdbcTemplate jdbc, @Value("${ates.mail.from:payroll@uberpopug.local}") String from) {
        this.mail = mail;
        this.jdbc = jdbc;
        this.from = from;
    }

    /** The Message-ID of a payout's mail: the same for every send of it. */
    static String messageId(UUID payoutId) {
        return "<payout-" + payoutId + "@ates.uberpopug>";
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
        mail.send(message(payout, (String) popug.get(0).get("email"), (String) popug.get(0).get("full_name")));
        jdbc.update("INSERT INTO accounting_payout_mails (payout_id) VALUES (?)", payout.payoutId());
    }

    private MimeMessage message(PayoutIssued payout, String to, String fullName) {
        MimeMessage message = new MimeMessage(WRITING) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId(payout.payoutId()));
            }
        };
        try {
            MimeMessageHelper writer = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            writer.setFrom(from);
            writer.setTo(to);
            writer.setSubject("aTES payout for " + payout.day() + ": " + payout.amount().format());
            writer.setText("Hello " + fullName + ",\n\n"
                    + "your earnings of the business day " + payout.day() + " were paid out: " + payout.amount().format() + ".\n"
                    + "Payout id: " + payout.payoutId() + "\n\n-- aTES accounting\n");
        } catch (MessagingException unwritable) {
            throw new MailParseException("The payout mail to " + to + " cannot be written", unwritable);
        }
        return message;
    }
}
