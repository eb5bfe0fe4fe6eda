package com.uberpopug.ates.app;

import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.SettleAccount;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * For dead-letter tests: failures that are not outages (a bug, say, that a fix removes), switched on for
 * the tasks, popugs and addresses a test names and off when it "deploys the fix". Besides the board's
 * {@link FailingBoardHandler}: account commands of listed tasks refused, payout confirmations and settlements
 * of listed popugs refused, payout mails to listed addresses unparseable. Imported by the tests of the
 * "dead-letters" context only.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(FailingBoardHandler.class)
public class InjectedFailures {

    /** Debits and credits of these tasks are refused. */
    public static final Set<UUID> refusedTaskMoney = ConcurrentHashMap.newKeySet();
    /** Confirmations of payouts to these popugs are refused (the transfer itself goes through). */
    public static final Set<UUID> refusedConfirmations = ConcurrentHashMap.newKeySet();
    /** The daily close's settlements of these popugs' accounts are refused. */
    public static final Set<UUID> refusedSettlements = ConcurrentHashMap.newKeySet();
    /** Mails to these addresses cannot be sent. */
    public static final Set<String> refusedMails = ConcurrentHashMap.newKeySet();

    public static void fixAll() {
        FailingBoardHandler.broken.set(false);
        refusedTaskMoney.clear();
        refusedConfirmations.clear();
        refusedMails.clear();
        refusedSettlements.clear();
    }

    /** Registered on the command bus by Axon (every command handler interceptor bean is). */
    @Bean
    MessageHandlerInterceptor<CommandMessage<?>> refuseListedMoney() {
        return (unitOfWork, chain) -> {
            Object command = unitOfWork.getMessage().getPayload();
            boolean refused = command instanceof DebitAccount debit && refusedTaskMoney.contains(debit.taskId())
                    || command instanceof CreditAccount credit && refusedTaskMoney.contains(credit.taskId())
                    || command instanceof ConfirmPayout confirm && refusedConfirmations.contains(confirm.popugId())
                    || command instanceof SettleAccount settle && refusedSettlements.contains(settle.popugId());
            if (refused) {
                throw new IllegalStateException("Injected failure: " + command.getClass().getSimpleName() + " refused");
            }
            return chain.proceed();
        };
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            Address[] to = message.getAllRecipients();
            return to == null ? List.of() : Arrays.stream(to).map(address -> ((InternetAddress) address).getAddress()).toList();
        } catch (MessagingException unreadable) {
            throw new MailParseException(unreadable);
        }
    }

    /** The real SMTP sender, failing for listed addresses as for an address it cannot parse. */
    @Bean
    @Primary
    JavaMailSender refusingListedAddresses(@Value("${spring.mail.host}") String host, @Value("${spring.mail.port}") int port) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
            @Override
            protected void doSend(MimeMessage[] messages, Object[] originals) throws MailException {
                for (MimeMessage message : messages) {
                    if (recipients(message).stream().anyMatch(refusedMails::contains)) {
                        throw new MailParseException("Injected failure: the address cannot be parsed");
                    }
                }
                super.doSend(messages, originals);
            }
        };
        smtp.setHost(host);
        smtp.setPort(port);
        return smtp;
    }
}
