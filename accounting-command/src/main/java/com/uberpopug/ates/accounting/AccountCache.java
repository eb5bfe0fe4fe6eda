package com.uberpopug.ates.accounting;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Accounts kept in memory between commands, the least recently used dropped beyond a maximum, any of them
 * dropped when the heap runs short. Every task
 * event moves money on its assignee's account; loading it each time (snapshot, then up to 50 events to
 * deserialize) was a third of the accounting processor's time (docs/PERFORMANCE.md).
 *
 * <p>Axon's caching repository puts an account here when its command succeeds and removes it when the unit
 * of work it was loaded in rolls back, so memory never holds a movement the event store does not. Another
 * instance may have written the account since (its close, its payments): an entry is served only while the
 * event store holds no later event of the account ({@link StoredAccountVersions}: one indexed read, for a
 * processor batch one query for the accounts of all its events). Otherwise a stale entry could refuse
 * what the store allows (a payout the other instance issued, unknown here), and a refusal appends nothing
 * that the store's sequence numbers could catch.
 */
final class AccountCache implements Cache {

    /** The last sequence number an entry was cached at: Axon keeps it in a field with no getter. */
    private static final VarHandle CACHED_VERSION = cachedVersion();

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;
    private final Function<String, Optional<Long>> lastStoredSequence;

    /** {@code lastStoredSequence}: the event store's last sequence number of an account, empty if it has none. */
    AccountCache(long maximumSize, Function<String, Optional<Long>> lastStoredSequence) {
        this.lastStoredSequence = lastStoredSequence;
        // An account remembers every payout it ever had (one per paid day), so its size grows with the company's
        // age and a count alone does not bound the memory: the collector may drop entries before the heap runs
        // out (a dropped account is only loaded from the store again).
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        Object entry = entries.getIfPresent(key);
        if (entry instanceof AggregateCacheEntry<?> cached && behindTheStore(key, cached)) {
            entries.asMap().remove(key, entry);
            return null;
        }
        return (V) entry;
    }

    /**
     * True when the store holds events the entry lacks. An entry ahead of the store is not stale: inside a
     * processor batch it holds the batch's own events, which are appended when the batch commits.
     */
    private boolean behindTheStore(Object key, AggregateCacheEntry<?> cached) {
        Long version = (Long) CACHED_VERSION.get(cached);
        Optional<Long> stored = lastStoredSequence.apply(key.toString());
        return stored.isPresent() && (version == null || stored.get() > version);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.asMap().computeIfAbsent(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, value) -> update.apply((V) value));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    /** Only sagas' caches tell listeners (of entries expiring); an aggregate repository registers none. */
    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("the account cache tells no listeners");
    }

    private static VarHandle cachedVersion() {
        try {
            return MethodHandles.privateLookupIn(AggregateCacheEntry.class, MethodHandles.lookup())
                    .findVarHandle(AggregateCacheEntry.class, "version", Long.class);
        } catch (ReflectiveOperationException changedInAxon) {
            throw new IllegalStateException("Axon's cache entry no longer has its version where the account cache "
                    + "reads it; without it a stale account cannot be told apart", changedInAxon);
        }
    }
}
