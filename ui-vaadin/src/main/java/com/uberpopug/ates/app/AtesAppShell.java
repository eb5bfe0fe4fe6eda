package com.uberpopug.ates.app;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;
import com.vaadin.flow.server.PWA;
import com.vaadin.flow.theme.Theme;
import com.vaadin.flow.theme.lumo.Lumo;

/** Server push keeps every dashboard live: projections tell open views when they change. */
@Push
@Theme(themeClass = Lumo.class)
@PWA(name = "aTES - Awesome Task Exchange System", shortName = "aTES")
public class AtesAppShell implements AppShellConfigurator {
}
