package io.convergence.ui.downtime.internal;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import io.convergence.api.business.ReasonCode;
import io.convergence.ui.downtime.internal.model.DowntimePage;
import io.convergence.ui.downtime.internal.model.Messages;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

/**
 * Asks for a stop's reason, and for a split also the time to split at. The time is checked while it
 * is typed (a time of day, inside the stop) and OK stays off until it and a reason are given.
 */
final class ReasonDialog extends TitleAreaDialog {

    private final String title;
    private final String message;
    private final List<ReasonCode> reasons;
    private final @Nullable String initialTime;
    private final Function<String, Instant> parseTime;
    private org.eclipse.swt.widgets.@Nullable List list;
    private @Nullable Text time;
    private @Nullable ReasonCode reason;
    private @Nullable Instant at;

    /**
     * @param initialTime the split time offered, {@code null} to ask for a reason only
     * @param parseTime checks a typed split time; throws {@link IllegalArgumentException} saying what is wrong
     */
    ReasonDialog(Shell parent, String title, String message, List<ReasonCode> reasons, @Nullable String initialTime,
                 Function<String, Instant> parseTime) {
        super(parent);
        this.title = title;
        this.message = message;
        this.reasons = reasons;
        this.initialTime = initialTime;
        this.parseTime = parseTime;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(title);
        setMessage(message);
        getShell().setText(title);
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(c);
        String t = initialTime;
        if (t != null) {
            new Label(c, SWT.NONE).setText(Messages.Split_time);
            Text tx = new Text(c, SWT.BORDER);
            tx.setText(t);
            GridDataFactory.fillDefaults().hint(120, SWT.DEFAULT).applyTo(tx);
            tx.addListener(SWT.Modify, e -> validate());
            time = tx;
        }
        org.eclipse.swt.widgets.List l = new org.eclipse.swt.widgets.List(c, SWT.SINGLE | SWT.BORDER | SWT.V_SCROLL);
        for (ReasonCode r : reasons) {
            l.add(DowntimePage.reasonChoice(r));
        }
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).hint(SWT.DEFAULT, 220).applyTo(l);
        l.addListener(SWT.Selection, e -> validate());
        l.addListener(SWT.DefaultSelection, e -> {
            if (validate()) {
                okPressed();
            }
        });
        list = l;
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
    }

    @Override
    protected Point getInitialSize() {
        return new Point(560, 460);
    }

    private boolean validate() {
        String error = null;
        Text tx = time;
        at = null;
        if (tx != null) {
            try {
                at = parseTime.apply(tx.getText());
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
        org.eclipse.swt.widgets.List l = list;
        int i = l == null ? -1 : l.getSelectionIndex();
        reason = i >= 0 ? reasons.get(i) : null;
        if (error == null && reason == null) {
            setMessage(Messages.Split_pickReason);
        } else {
            setMessage(message);
        }
        setErrorMessage(error);
        boolean ok = error == null && reason != null;
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(ok);
        }
        return ok;
    }

    /** The reason chosen, once closed with OK. */
    @Nullable ReasonCode reason() {
        return reason;
    }

    /** The split time, once closed with OK; {@code null} for a reason only. */
    @Nullable Instant at() {
        return at;
    }
}
