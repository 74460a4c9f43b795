package io.convergence.ui.downtime.internal;

import io.convergence.ui.common.QualityStyle;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

/**
 * A line across the view that says what happened to the last correction, or why corrections are
 * not possible now. An error is written in bold beside a red mark and stays until the next
 * correction; it is never a dialog that has to be dismissed first.
 */
final class Banner {

    private static final Color ERROR = new Color(QualityStyle.BAD);
    private static final Color WARNING = new Color(QualityStyle.UNCERTAIN);
    private static final Color DONE = new Color(0x2e, 0x7d, 0x32);

    private final Composite box;
    private final Label mark;
    private final Label text;
    private boolean error;
    private String warning = "";

    Banner(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(box);
        GridLayoutFactory.fillDefaults().numColumns(2).spacing(8, 0).applyTo(box);
        mark = new Label(box, SWT.NONE);
        GridDataFactory.fillDefaults().hint(6, SWT.DEFAULT).grab(false, true).applyTo(mark);
        text = new Label(box, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(text);
        box.setVisible(false);
    }

    void error(String message) {
        show(message, ERROR, true);
    }

    void info(String message) {
        show(message, DONE, false);
    }

    /** A lasting condition; shown unless an error or outcome is on show. */
    void warn(String message) {
        warning = message;
        if (!box.getVisible() || (!error && mark.getBackground().equals(WARNING))) {
            show(message, WARNING, false);
        }
    }

    void clearWarning() {
        if (!warning.isEmpty() && mark.getBackground().equals(WARNING)) {
            hide();
        }
        warning = "";
    }

    private void show(String message, Color color, boolean isError) {
        error = isError;
        text.setText(message);
        text.setFont(isError ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null);
        mark.setBackground(color);
        ((org.eclipse.swt.layout.GridData) box.getLayoutData()).exclude = false;
        box.setVisible(true);
        box.getParent().layout(true, true);
    }

    private void hide() {
        ((org.eclipse.swt.layout.GridData) box.getLayoutData()).exclude = true;
        box.setVisible(false);
        error = false;
        text.setText("");
        box.getParent().layout(true, true);
    }

    String text() {
        return box.getVisible() ? text.getText() : "";
    }

    boolean isError() {
        return box.getVisible() && error;
    }

    boolean isDisposed() {
        return box.isDisposed();
    }
}
