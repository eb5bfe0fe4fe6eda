package com.uberpopug.ates.app.views;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;

/** The frame of every page: the menu of the pages this popug may open, and who is logged in. */
@Layout
@PermitAll
public class MainLayout extends AppLayout {

    final SideNav menu = new SideNav();

    public MainLayout(AuthenticationContext authentication, AccessAnnotationChecker access) {
        H2 title = new H2("aTES");
        title.getStyle().set("font-size", "var(--lumo-font-size-l)").set("margin", "0");
        Span user = new Span(authentication.getPrincipalName().orElse(""));
        user.setId("current-user");
        Button logout = new Button("Log out", click -> authentication.logout());
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), title, user, logout);
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.expand(title);
        header.setWidthFull();
        header.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(header);

        addIfAllowed(access, "Tasks", TaskBoardView.class);
        addIfAllowed(access, "My tasks", MyTasksView.class);
        addIfAllowed(access, "My account", MyAccountView.class);
        addIfAllowed(access, "Accounting", AccountingView.class);
        addIfAllowed(access, "Analytics", AnalyticsView.class);
        addIfAllowed(access, "Popugs", PopugsView.class);
        addIfAllowed(access, "System", SystemView.class);
        addToDrawer(menu);
    }

    private void addIfAllowed(AccessAnnotationChecker access, String label, Class<? extends Component> view) {
        if (access.hasAccess(view)) {
            menu.addItem(new SideNavItem(label, view));
        }
    }
}
