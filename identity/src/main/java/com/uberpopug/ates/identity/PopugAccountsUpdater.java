package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps role and active flag of {@code identity_popugs} in step with the popug's events, in the
 * command's own transaction (a subscribing processor): a deactivated popug cannot log in from the
 * moment the deactivation is stored.
 */
@Component
@ProcessingGroup(PopugAccountsUpdater.PROCESSING_GROUP)
class PopugAccountsUpdater {

    static final String PROCESSING_GROUP = "identity-accounts";

    private final PopugAccounts accounts;

    PopugAccountsUpdater(PopugAccounts accounts) {
        this.accounts = accounts;
    }

    @EventHandler
    void on(PopugRoleChanged event) {
        accounts.changeRole(event.popugId(), event.to());
    }

    @EventHandler
    void on(PopugDeactivated event) {
        accounts.deactivate(event.popugId());
    }
}
