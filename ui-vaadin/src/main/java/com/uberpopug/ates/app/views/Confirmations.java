package com.uberpopug.ates.app.views;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question before an action: what it does, Cancel, and the action's own words on its button (red where
 * the action cannot be undone). Cancel is written in the contrast colour: in Lumo's primary blue it reads at
 * 3.96:1 against the curtain behind the dialog (axe-core, in {@code BrowserJourneysIT}), below the 4.5:1 of WCAG AA.
 */
final class Confirmations {

    private Confirmations() {
    }

    static void ask(String question, String consequences, String action, Runnable onConfirm) {
        dialog(question, consequences, action, onConfirm).open();
    }

    static void askIrreversible(String question, String consequences, String action, Runnable onConfirm) {
        ConfirmDialog dialog = dialog(question, consequences, action, onConfirm);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private static ConfirmDialog dialog(String question, String consequences, String action, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(question, consequences, action, confirmed -> onConfirm.run());
        dialog.setCancelable(true);
        dialog.setCancelButtonTheme("tertiary contrast");
        return dialog;
    }
}
