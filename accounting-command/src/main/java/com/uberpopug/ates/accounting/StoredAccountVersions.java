package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.AccountId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
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

    private final JdbcTemplate jdbc;

    StoredAccountVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> apply(String accountId) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.ofNullable(read(Set.of(accountId)).get(accountId));
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Map<String, Long> known = root.getOrComputeResource(BATCH_VERSIONS, key -> read(accountsNamedBy(root)));
        if (!known.containsKey(accountId)) {
            return Optional.ofNullable(read(Set.of(accountId)).get(accountId));
        }
        return Optional.ofNullable(known.get(accountId));
    }

    /** The accounts a batch's events move money on, and those of accounts' own events. */
    private static Set<String> accountsNamedBy(UnitOfWork<?> unitOfWork) {
        Set<String> accounts = new LinkedHashSet<>();
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            for (Message<?> message : batch.getMessages()) {
                if (message instanceof EventMessage<?> event) {
                    Object account = BY_ACCOUNT.getSequenceIdentifierFor(event);
                    if (account instanceof UUID popug) {
                        accounts.add(AccountId.of(popug));
                    } else if (event instanceof DomainEventMessage<?> domainEvent) {
                        accounts.add(domainEvent.getAggregateIdentifier());
                    }
                }
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
