package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.identity.access.ApiTokens;
import com.uberpopug.ates.identity.access.PopugProfiles;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps role and active flag of {@code identity_popugs} in step with the popug's events, in the
 * command's own transaction (a subscribing processor): a deactivated popug cannot log in from the
 * moment the deactivation is stored. The cached profile is evicted, and tokens revoked, only after that
 * transaction commits: evicted before, a request in between would read the old row (the change is not
 * committed yet) and cache it again, old role and all, for the cache's lifetime.
 */
@Component
@ProcessingGroup(PopugAccountsUpdater.PROCESSING_GROUP)
class PopugAccountsUpdater {

    static final String PROCESSING_GROUP = "identity-accounts";

    private static final Logger log = LoggerFactory.getLogger(PopugAccountsUpdater.class);

    private final PopugAccounts accounts;
    private final ApiTokens tokens;
    private final Cache profiles;

    PopugAccountsUpdater(PopugAccounts accounts, ApiTokens tokens, CacheManager caches) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.profiles = caches.getCache(PopugProfiles.CACHE);
    }

    @EventHandler
    void on(PopugRoleChanged event) {
        accounts.changeRole(event.popugId(), event.to());
        accounts.usernameOf(event.popugId()).ifPresent(username -> afterCommit(() -> forgetProfile(username)));
    }

    @EventHandler
    void on(PopugDeactivated event) {
        accounts.deactivate(event.popugId());
        accounts.usernameOf(event.popugId()).ifPresent(username -> afterCommit(() -> {
            forgetProfile(username);
            revokeTokens(username);
        }));
    }

    /** Runs once the surrounding transaction has committed (at once outside of one); never on a rollback. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** The cached profile goes; should Redis not answer now, the entry expires within ates' cache TTL. */
    private void forgetProfile(String username) {
        try {
            profiles.evict(username);
        } catch (DataAccessException redisDown) {
            log.warn("Could not evict the cached profile of popug {} ({}); it expires on its own",
                    username, redisDown.getMessage());
        }
    }

    /**
     * Drops the popug's API tokens. Deactivation does not wait for Redis: a token of an inactive popug
     * is refused anyway (the API checks that its owner is active), so if Redis is down now the
     * tokens are only left to expire.
     */
    private void revokeTokens(String username) {
        try {
            tokens.revokeAll(username);
        } catch (DataAccessException redisDown) {
            log.warn("Could not drop the API tokens of deactivated popug {} ({}); they are refused as inactive "
                    + "and expire on their own", username, redisDown.getMessage());
        }
    }
}
