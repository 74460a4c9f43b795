package io.convergence.ui.common;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

/**
 * A view's body that shows either its content or, in its place, a sentence saying why there is
 * nothing to show and what to do about it ("The OEE service is not running: …"). A view whose
 * service is missing says so instead of showing empty tables or a blank chart.
 */
public final class MessagePane {

    private final Composite stack;
    private final StackLayout layout = new StackLayout();
    private final Composite messageBox;
    private final Label title;
    private final Label detail;
    private final Composite content;

    /** Creates the pane in {@code parent}; put the view's widgets into {@link #content()}. */
    public MessagePane(Composite parent) {
        stack = new Composite(parent, SWT.NONE);
        stack.setLayout(layout);
        content = new Composite(stack, SWT.NONE);
        messageBox = new Composite(stack, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(24, 24).spacing(0, 8).applyTo(messageBox);
        title = new Label(messageBox, SWT.WRAP);
        title.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.HEADER_FONT));
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(title);
        detail = new Label(messageBox, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(detail);
        layout.topControl = content;
    }

    /** The whole pane, to lay out in the parent. */
    public Control control() {
        return stack;
    }

    /** Where the view's own widgets go. */
    public Composite content() {
        return content;
    }

    /** Shows the content. */
    public void showContent() {
        if (layout.topControl != content) {
            layout.topControl = content;
            stack.layout(true, true);
        }
    }

    /** Shows a message instead of the content: a headline and a sentence on what to do. */
    public void showMessage(String headline, String explanation) {
        boolean changed = !headline.equals(title.getText()) || !explanation.equals(detail.getText());
        title.setText(headline);
        detail.setText(explanation);
        if (layout.topControl != messageBox || changed) {
            layout.topControl = messageBox;
            stack.layout(true, true);
        }
    }

    /** Whether the message shows, and not the content. */
    public boolean showsMessage() {
        return layout.topControl == messageBox;
    }

    /** The headline and explanation shown, one line each; empty while the content shows. */
    public String message() {
        return showsMessage() ? title.getText() + "\n" + detail.getText() : "";
    }
}
