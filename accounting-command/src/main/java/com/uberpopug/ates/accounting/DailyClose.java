package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.messaging.api.TraceIds;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The start of a business day's close: plans it (one row per account, {@link Settlements}) in this
 * processor's transaction, and hands it to the {@link CloseWorkers} once that commits. The handler does
 * no settling itself, so it takes about a second whatever the number of accounts, far from Axon's
 * handler timeout, and a crash loses nothing: the plan is stored with the processor's token, or neither.
 */
@Component
@ProcessingGroup(DailyClose.PROCESSING_GROUP)
class DailyClose {

    static final String PROCESSING_GROUP = "accounting-close";

    private static final Logger log = LoggerFactory.getLogger(DailyClose.class);

    private final Settlements settlements;
    private final CloseWorkers workers;

    DailyClose(Settlements settlements, CloseWorkers workers) {
        this.settlements = settlements;
        this.workers = workers;
    }

    @EventHandler
    void on(BusinessDayCloseStarted event, @MetaDataValue(TraceIds.KEY) String traceId) {
        settlements.plan(event.day(), traceId);
        log.info("Business day {} is closing (by {}): its accounts are settled now", event.day(), event.closedBy());
        CurrentUnitOfWork.get().afterCommit(unit -> workers.wake());
    }
}
