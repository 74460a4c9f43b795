package io.convergence.ui.features.internal.ui;

import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;
import io.convergence.ui.features.internal.MonitorProgress;
import io.convergence.ui.features.internal.PlanSummary;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.jspecify.annotations.Nullable;

/**
 * A change shown before it is made: the dialog previews the change, enables its action only for a plan
 * that can be carried out, then applies the change in a job with its progress in the dialog. It
 * closes with OK when the change is made ({@link #result()}); failures stay in the dialog, in red.
 * Subclasses add a part on top that chooses the change (the install dialog).
 */
public class ChangeDialog extends Dialog {

    private final String title;
    private final String action;
    protected final FeaturesModel model;
    private @Nullable Change change;
    private @Nullable Change previewed;
    private @Nullable ChangePlan result;
    private @Nullable PlanPane plan;
    private @Nullable ProgressPane progress;
    private @Nullable Label error;
    private @Nullable Job running;
    private boolean applying;
    private int generation;

    /**
     * @param change what to preview at once; {@code null} when the dialog's top part chooses it
     */
    ChangeDialog(Shell parent, FeaturesModel model, String title, String action, @Nullable Change change) {
        super(parent);
        this.model = model;
        this.title = title;
        this.action = action;
        this.change = change;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 640), Math.max(p.y, 420));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().spacing(6, 6).applyTo(area);
        createTop(area);
        PlanPane p = new PlanPane(area);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(p.control());
        plan = p;
        Label e = new Label(area, SWT.WRAP);
        e.setForeground(Styles.RED);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).exclude(true).applyTo(e);
        e.setVisible(false);
        error = e;
        ProgressPane pr = new ProgressPane(area);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(pr.control());
        pr.show(false);
        progress = pr;
        return area;
    }

    /** Room for a subclass's controls above the preview. */
    protected void createTop(Composite area) {
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, action, false).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
    }

    @Override
    public void create() {
        super.create();
        Change c = change;
        if (c != null) {
            preview(c);
        }
    }

    /** Works out what {@code c} would do and shows it; the action waits for the answer. */
    protected void preview(Change c) {
        change = c;
        previewed = null;
        actionEnabled(false);
        error(null);
        plan().clear(Messages.Plan_working);
        run(NLS.bind(Messages.Job_preview, c.describe()), true, m -> {
            MonitorProgress p = new MonitorProgress(m, c.describe());
            try {
                return model.preview(c, p);
            } finally {
                p.done();
            }
        }, pl -> {
            PlanSummary s = PlanSummary.of(pl);
            plan().show(s);
            previewed = c;
            actionEnabled(s.canApply());
        }, why -> {
            plan().clear(Messages.Plan_failed);
            error(why);
        });
    }

    /** Clears the preview, when the top part no longer names a change. */
    protected void noChange(String why) {
        cancelRunning();
        change = null;
        previewed = null;
        actionEnabled(false);
        plan().clear(why);
    }

    @Override
    protected void okPressed() {
        Change c = previewed;
        if (c == null || applying) {
            return;
        }
        applying = true;
        actionEnabled(false);
        topEnabled(false);
        error(null);
        run(NLS.bind(Messages.Job_apply, c.describe()), false, m -> {
            MonitorProgress p = new MonitorProgress(m, c.describe());
            try {
                return model.apply(c, p);
            } finally {
                p.done();
            }
        }, pl -> {
            applying = false;
            result = pl;
            setReturnCode(OK);
            close();
        }, why -> {
            applying = false;
            topEnabled(true);
            actionEnabled(true);
            error(NLS.bind(Messages.Error_apply, c.describe(), why));
        });
    }

    @Override
    protected void cancelPressed() {
        if (applying) {
            // The service stops where it safely can and changes nothing; the dialog waits for it.
            Job j = running;
            if (j != null) {
                j.cancel();
            }
            error(Messages.Error_stopping);
            return;
        }
        cancelRunning();
        super.cancelPressed();
    }

    @Override
    protected void handleShellCloseEvent() {
        if (applying) {
            cancelPressed();
            return;
        }
        cancelRunning();
        super.handleShellCloseEvent();
    }

    /**
     * Runs a blocking call with its progress in the dialog; a newer call makes an older one's answer
     * irrelevant.
     */
    protected <T> void run(String name, boolean cancelOlder, Background.Work<T> work, java.util.function.Consumer<T> ok,
                           java.util.function.Consumer<String> failed) {
        if (cancelOlder) {
            cancelRunning();
        }
        int mine = ++generation;
        ProgressPane pr = progress;
        if (pr != null) {
            pr.start(name);
        }
        running = Background.run(getShell(), name, m -> work.run(pr == null ? m : pr.monitor(m)), r -> {
            if (mine == generation) {
                done();
                ok.accept(r);
            }
        }, why -> {
            if (mine == generation) {
                done();
                failed.accept(why);
            }
        });
    }

    private void done() {
        running = null;
        if (progress != null) {
            progress.show(false);
        }
    }

    private void cancelRunning() {
        Job j = running;
        if (j != null) {
            j.cancel();
            generation++;
            done();
        }
    }

    /** Shows a failure in red under the preview; {@code null} hides it. */
    protected void error(@Nullable String why) {
        Label e = error;
        if (e == null || e.isDisposed()) {
            return;
        }
        e.setText(why == null ? "" : why);
        e.setVisible(why != null);
        ((org.eclipse.swt.layout.GridData) e.getLayoutData()).exclude = why == null;
        e.getParent().layout(true, true);
    }

    /** Enables or disables the subclass's controls while a change is carried out. */
    protected void topEnabled(boolean enabled) {
    }

    private void actionEnabled(boolean enabled) {
        Button b = getButton(IDialogConstants.OK_ID);
        if (b != null && !b.isDisposed()) {
            b.setEnabled(enabled);
        }
    }

    private PlanPane plan() {
        PlanPane p = plan;
        if (p == null) {
            throw new IllegalStateException("not created");
        }
        return p;
    }

    /** What the change did; {@code null} unless it was made. */
    public @Nullable ChangePlan result() {
        return result;
    }

    /** For tests: the preview shown; {@code null} while there is none. */
    public @Nullable PlanSummary shownPlan() {
        return plan == null ? null : plan.shown();
    }

    /** For tests: the preview's lines as drawn. */
    public org.eclipse.swt.widgets.Table previewLines() {
        return plan().lines();
    }

    /** For tests: whether the action (Install, Update, ...) can be pressed. */
    public boolean actionEnabled() {
        Button b = getButton(IDialogConstants.OK_ID);
        return b != null && !b.isDisposed() && b.isEnabled();
    }

    /** For tests: presses the action. */
    public void pressAction() {
        if (actionEnabled()) {
            okPressed();
        }
    }

    /** For tests: the failure shown; empty if none. */
    public String errorText() {
        Label e = error;
        return e == null || e.isDisposed() || !e.getVisible() ? "" : e.getText();
    }
}
