package com.uberpopug.ates.app;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;

/**
 * Server push keeps every dashboard live: projections tell open views when they change. The look is
 * Vaadin's default, Lumo, without an application theme: {@code @Theme(themeClass = Lumo.class)} names
 * no theme, and a production build then links the stylesheet of a theme without a name on every page
 * ({@code VAADIN/themes//styles.css}), which the firewall refuses (400) or, before login, sends to the
 * login page (a redirect loop). {@code BrowserJourneysIT} fails on such a request.
 */
@Push
@PWA(name = "aTES - Awesome Task Exchange System", shortName = "aTES")
public class AtesAppShell implements AppShellConfigurator {
}
