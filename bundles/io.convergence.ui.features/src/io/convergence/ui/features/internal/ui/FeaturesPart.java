package io.convergence.ui.features.internal.ui;

import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Renders {@link FeaturesModel}: the installed features, the selected one's details, and the buttons
 * that open the install, change, history and trust dialogs. Reads the list in a job when it opens,
 * when the feature service comes or goes, and after every change.
 */
public final class FeaturesPart {

    /** The view's part descriptor id. */
    public static final String VIEW_ID = "io.convergence.ui.features.view";

    @Inject
    @Optional
    private @Nullable IWorkbench workbench;

    /** The best-ranked feature service now; never held on to, so the view survives an update of the admin bundle. */
    private volatile @Nullable FeatureService service;
    private final FeaturesModel model = new FeaturesModel(() -> service);
    private volatile @Nullable Display display;
    private @Nullable FeaturesTable table;
    private @Nullable Text details;
    private @Nullable Label summary;
    private @Nullable Label problem;
    private @Nullable Button install;
    private @Nullable Button update;
    private @Nullable Button uninstall;
    private @Nullable Button history;
    private @Nullable Button trust;
    private long shownVersion = -1;
    private volatile boolean disposed;

    /** Injected again (on any thread) whenever the feature service comes, goes or is replaced. */
    @Inject
    void service(@Optional @Service @Nullable FeatureService now) {
        service = now;
        Display d = display;
        if (!disposed && d != null && !d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    }

    @PostConstruct
    public void create(Composite parent) {
        display = parent.getDisplay();

        GridLayoutFactory.fillDefaults().numColumns(8).margins(6, 6).spacing(6, 6).applyTo(parent);
        install = button(parent, Messages.Part_install, Messages.Part_installTip, this::openInstall);
        update = button(parent, Messages.Part_update, Messages.Part_updateTip, this::updateSelected);
        uninstall = button(parent, Messages.Part_uninstall, Messages.Part_uninstallTip, this::uninstallSelected);
        history = button(parent, Messages.Part_history, Messages.Part_historyTip, this::openHistory);
        trust = button(parent, Messages.Part_trust, Messages.Part_trustTip, this::openTrust);
        button(parent, Messages.Part_refresh, Messages.Part_refreshTip, this::refresh);
        Label gap = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(gap);
        Label s = new Label(parent, SWT.RIGHT);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).hint(420, SWT.DEFAULT).applyTo(s);
        summary = s;

        Label p = new Label(parent, SWT.WRAP);
        p.setForeground(Styles.RED);
        GridDataFactory.fillDefaults().span(8, 1).grab(true, false).exclude(true).applyTo(p);
        p.setVisible(false);
        problem = p;

        // Details beside the table: the view usually sits in a wide, low stack.
        SashForm sash = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().span(8, 1).grab(true, true).applyTo(sash);
        FeaturesTable ft = new FeaturesTable(sash);
        table = ft;
        ft.viewer().addSelectionChangedListener(e -> selectionChanged());
        Text d = new Text(sash, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL | SWT.BORDER);
        details = d;
        sash.setWeights(68, 32);
        selectionChanged();
        refresh();
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.swtDefaults().hint(Math.max(84, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT).applyTo(b);
        return b;
    }

    /** Reads the installed features again in a job, then shows them. */
    public void refresh() {
        FeaturesTable t = table;
        if (t == null || t.viewer().getControl().isDisposed()) {
            return;
        }
        if (summary != null) {
            summary.setText(Messages.Part_reading);
        }
        Display display = t.viewer().getControl().getDisplay();
        Job.create(Messages.Job_refresh, monitor -> {
            model.refresh();
            if (!display.isDisposed()) {
                display.asyncExec(this::show);
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void show() {
        FeaturesTable t = table;
        if (t == null || t.viewer().getControl().isDisposed()) {
            return;
        }
        if (model.version() != shownVersion) {
            boolean first = shownVersion < 0 || t.viewer().getTable().getItemCount() == 0;
            shownVersion = model.version();
            t.setRows(model.installed());
            if (first && !model.installed().isEmpty() && t.selectedId() == null) {
                // Something to read in the details pane from the start.
                t.viewer().setSelection(new org.eclipse.jface.viewers.StructuredSelection(model.installed().get(0)), true);
            }
        }
        if (summary != null) {
            summary.setText(model.summary());
        }
        Label p = problem;
        if (p != null) {
            String why = model.problem();
            boolean show = why != null;
            p.setText(why == null ? "" : why);
            if (p.getVisible() != show) {
                p.setVisible(show);
                ((org.eclipse.swt.layout.GridData) p.getLayoutData()).exclude = !show;
                p.getParent().layout(true, true);
            }
        }
        selectionChanged();
    }

    private void selectionChanged() {
        InstalledFeature f = selected();
        boolean service = model.serviceAvailable();
        enable(install, service);
        enable(history, service);
        enable(trust, service);
        enable(update, service && FeaturesModel.changeable(f));
        enable(uninstall, service && FeaturesModel.changeable(f));
        Text d = details;
        if (d != null && !d.isDisposed()) {
            String text = f == null && model.installed().isEmpty() ? "" : FeaturesModel.details(f);
            if (!d.getText().equals(text)) {
                d.setText(text);
            }
        }
    }

    private static void enable(@Nullable Button b, boolean enabled) {
        if (b != null && !b.isDisposed()) {
            b.setEnabled(enabled);
        }
    }

    private @Nullable InstalledFeature selected() {
        return table == null ? null : model.find(table.selectedId());
    }

    /** Opens the install dialog; with {@code block} false it returns at once (tests drive it). */
    public @Nullable InstallDialog openInstall(boolean block) {
        Shell shell = shell();
        if (shell == null) {
            return null;
        }
        InstallDialog d = new InstallDialog(shell, model);
        d.setBlockOnOpen(block);
        if (block) {
            if (d.open() == Window.OK) {
                applied(d.result());
            }
        } else {
            d.open();
            d.getShell().addListener(SWT.Dispose, e -> {
                if (d.getReturnCode() == Window.OK) {
                    shell.getDisplay().asyncExec(() -> applied(d.result()));
                }
            });
        }
        return d;
    }

    private void openInstall() {
        openInstall(true);
    }

    private void updateSelected() {
        InstalledFeature f = selected();
        if (FeaturesModel.changeable(f)) {
            change(new ChangeDialog(shell(), model, NLS.bind(Messages.Update_title, f.name()), Messages.Update_action,
                FeaturesModel.update(f)));
        }
    }

    private void uninstallSelected() {
        InstalledFeature f = selected();
        if (FeaturesModel.changeable(f)) {
            change(new ChangeDialog(shell(), model, NLS.bind(Messages.Uninstall_title, f.name()), Messages.Uninstall_action,
                FeaturesModel.uninstall(f)));
        }
    }

    private void change(ChangeDialog d) {
        if (d.open() == Window.OK) {
            applied(d.result());
        }
    }

    private void openHistory() {
        Shell shell = shell();
        if (shell != null) {
            new HistoryDialog(shell, model, this::applied).open();
        }
    }

    private void openTrust() {
        Shell shell = shell();
        if (shell != null) {
            new TrustDialog(shell, model).open();
            refresh();
        }
    }

    /**
     * After a change: shows the new list, and offers a restart when the plan says one is needed;
     * otherwise the change is live and nothing restarts.
     */
    public void applied(@Nullable ChangePlan plan) {
        show();
        if (plan == null) {
            return;
        }
        if (summary != null) {
            summary.setText(NLS.bind(plan.restartNeeded() ? Messages.Part_doneRestart : Messages.Part_done, plan.change().describe()));
        }
        Shell shell = shell();
        if (plan.restartNeeded() && shell != null) {
            String why = plan.restartReason().isBlank() ? Messages.Restart_message
                : NLS.bind(Messages.Restart_messageBecause, plan.restartReason());
            MessageDialog ask = new MessageDialog(shell, Messages.Restart_title, null, why, MessageDialog.QUESTION,
                0, Messages.Restart_now, Messages.Restart_later);
            if (ask.open() == 0) {
                IWorkbench w = workbench;
                if (w == null || !w.restart()) {
                    MessageDialog.openInformation(shell, Messages.Restart_title, Messages.Restart_manually);
                }
            }
        }
    }

    private @Nullable Shell shell() {
        return table == null || table.viewer().getControl().isDisposed() ? null : table.viewer().getControl().getShell();
    }

    /** The model shown; for tests. */
    public FeaturesModel model() {
        return model;
    }

    /** The table; for tests. */
    public org.eclipse.jface.viewers.TableViewer viewer() {
        return java.util.Objects.requireNonNull(table).viewer();
    }

    /** The details pane's text; for tests. */
    public String detailsText() {
        return details == null ? "" : details.getText();
    }

    @PreDestroy
    public void dispose() {
        disposed = true;
    }
}
