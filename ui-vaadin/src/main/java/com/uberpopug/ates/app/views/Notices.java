package com.uberpopug.ates.app.views;

import com.uberpopug.ates.messaging.api.TraceIds;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The two kinds of message a page shows after an action: it worked, or why it did not. */
final class Notices {

    private Notices() {
    }

    static void success(String message) {
        Notification.show(message, 3000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    /** Names the click's trace id, so that support can find what happened behind it. */
    static void error(String message) {
        String traceId = TraceIds.current();
        String shown = traceId == null ? message : message + " (trace id " + traceId + ")";
        Notification.show(shown, 5000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
