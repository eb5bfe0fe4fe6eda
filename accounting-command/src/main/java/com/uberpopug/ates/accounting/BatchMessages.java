package com.uberpopug.ates.accounting;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.List;

/** The events a unit of work handles, for what a processor batch reads once for all of them. */
final class BatchMessages {

    private BatchMessages() {
    }

    /** A batch's events, or the one of a unit of work that has one (a retried dead letter). */
    static List<? extends Message<?>> of(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages();
        }
        return unitOfWork.getMessage() == null ? List.of() : List.of(unitOfWork.getMessage());
    }
}
