package com.uberpopug.ates.app.views;

import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a logged-in popug sees on a page their role may not open (a worker at Analytics, say): a page that
 * says so in words, inside the usual frame with the menu of the pages they may open, reported to Vaadin's
 * router as 403. Vaadin's own answer is a bare "could not navigate" page.
 */
@ParentLayout(MainLayout.class)
@PageTitle("Not for your role | aTES")
@PermitAll
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException> {

    static final String MESSAGE = "Your role may not open this page.";

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        add(new H3("Not for your role"), new Paragraph(MESSAGE + " The menu shows the pages you may open."),
                new RouterLink("Go to the task board", TaskBoardView.class));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
