package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.AccountId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * The event store's last sequence number of an account, which {@link AccountCache} compares each entry with
 * before it is used. Inside a processor batch, the accounts its events name are read with one query when the
 * first of them is asked for (one query per command was an eighth of the accounting thread under load,
 * docs/PERFORMANCE.md); any other account is read on its own, as is every account outside a batch.
 *
 * <p>An answer read during a batch stays right for the rest of it: the batch's own events are appended only
 * when it commits, and an event that causes a command is in the store before the batch reads it. Another
 * instance's write to the account during the batch is caught when the batch appends to it (the sequence number
 * is taken): the batch rolls back, its entries are dropped, and it is handled again from the store.
 */
final class StoredAccountVersions implements Function<String, Optional<Long>> {

    private static final String BATCH_VERSIONS = StoredAccountVersions.class.getName() + ".batch";

    private static final ByAccount BY_ACCOUNT = new ByAccount();

    /** The aggregate type the event store names accounts' events with. */
    private static final String ACCOUNT = Account.class.getSimpleName();

    private final JdbcTemplate jdbc;

    StoredAccountVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> apply(String accountId) {
        Map<String, Long> known = CurrentUnitOfWork.map(UnitOfWork::root)
                .map(root -> root.<Map<String, Long>>getOrComputeResource(BATCH_VERSIONS, key -> read(accountsNamedBy(root))))
                .orElse(Map.of());
        return Optional.ofNullable(known.containsKey(accountId) ? known.get(accountId) : read(Set.of(accountId)).get(accountId));
    }

    /** The accounts a batch's events move money on, and those whose own events it handles. */
    private static Set<String> accountsNamedBy(UnitOfWork<?> unitOfWork) {
        Set<String> accounts = new LinkedHashSet<>();
        for (Message<?> message : BatchMessages.of(unitOfWork)) {
            if (message instanceof EventMessage<?> event && BY_ACCOUNT.getSequenceIdentifierFor(event) instanceof UUID popug) {
                accounts.add(AccountId.of(popug));
            } else if (message instanceof DomainEventMessage<?> event && ACCOUNT.equals(event.getType())) {
                accounts.add(event.getAggregateIdentifier());
            }
        }
        return accounts;
    }

    /**
     * Each account's last sequence number; an account the store has no event of maps to null. One index look-up
     * per account (the maximum of each on its own, which PostgreSQL reads from the end of the index).
     */
    private Map<String, Long> read(Set<String> accountIds) {
        Map<String, Long> versions = new HashMap<>();
        if (accountIds.isEmpty()) {
            return versions;
        }
        jdbc.query("""
                SELECT account.id, (SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = account.id)
                FROM unnest(?::varchar[]) AS account(id)""", rs -> {
            long version = rs.getLong(2);
            versions.put(rs.getString(1), rs.wasNull() ? null : version);
        }, (Object) accountIds.toArray(String[]::new));
        return versions;
    }
}
