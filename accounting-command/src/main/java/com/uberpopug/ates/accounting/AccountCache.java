package com.uberpopug.ates.accounting;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Accounts kept in memory between commands, the least recently used dropped beyond a maximum, any of them
 * dropped when the heap runs short. Every task
 * event moves money on its assignee's account; loading it each time (snapshot, then up to 50 events to
 * deserialize) was a third of the accounting processor's time (docs/PERFORMANCE.md).
 *
 * <p>Axon's caching repository puts an account here when its command succeeds and removes it when the unit
 * of work it was loaded in rolls back, so memory never holds a movement the event store does not. An entry
 * that is stale because another instance wrote the account since cannot decide anything that sticks: its
 * events are appended at sequence numbers the store already has, the store refuses them, and the rollback
 * removes the entry, so the retry loads the account from the store.
 */
final class AccountCache implements Cache {

    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    AccountCache(long maximumSize) {
        // An account remembers every payout it ever had (one per paid day), so its size grows with the company's
        // age and a count alone does not bound the memory: the collector may drop entries before the heap runs
        // out (a dropped account is only loaded from the store again).
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).softValues().build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
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
}
