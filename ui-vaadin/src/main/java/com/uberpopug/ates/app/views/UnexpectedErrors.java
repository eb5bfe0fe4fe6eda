package com.uberpopug.ates.app.views;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An error no page expected is logged with its trace id and shown as a short message naming that trace
 * id, instead of Vaadin's default stack trace popup.
 */
@Component
class UnexpectedErrors implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrors.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(error -> {
            log.error("Unexpected error on a dashboard", error.getThrowable());
            if (UI.getCurrent() != null) {
                Notices.error("Something went wrong; it was logged.");
            }
        }));
    }
}
