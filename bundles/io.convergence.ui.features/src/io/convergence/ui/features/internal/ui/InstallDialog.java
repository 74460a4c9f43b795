package io.convergence.ui.features.internal.ui;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import io.convergence.admin.AvailableFeature;
import io.convergence.admin.FeatureException;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;
import io.convergence.ui.features.internal.MonitorProgress;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.jspecify.annotations.Nullable;

/**
 * Install: a repository (typed, or one of the configured ones), what it offers, and the preview of
 * installing the chosen feature before Install can be pressed.
 */
public final class InstallDialog extends ChangeDialog {

    private @Nullable Combo repository;
    private @Nullable Button load;
    private @Nullable TableViewer offered;

    InstallDialog(Shell parent, FeaturesModel model) {
        super(parent, model, Messages.Install_title, Messages.Install_action, null);
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 760), Math.max(p.y, 640));
    }

    @Override
    protected void createTop(Composite area) {
        Composite row = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        GridLayoutFactory.fillDefaults().numColumns(3).applyTo(row);
        new Label(row, SWT.NONE).setText(Messages.Install_repository);
        Combo c = new Combo(row, SWT.DROP_DOWN);
        c.setToolTipText(Messages.Install_repositoryTip);
        GridDataFactory.fillDefaults().grab(true, false).hint(400, SWT.DEFAULT).applyTo(c);
        c.addListener(SWT.DefaultSelection, e -> load());
        // Enter in the field loads the repository; it must not also press the dialog's default button.
        c.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_RETURN) {
                e.doit = false;
            }
        });
        c.addListener(SWT.Selection, e -> load());
        repository = c;
        Button b = new Button(row, SWT.PUSH);
        b.setText(Messages.Install_load);
        b.setToolTipText(Messages.Install_loadTip);
        b.addListener(SWT.Selection, e -> load());
        load = b;

        TableViewer v = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        column(v, Messages.Column_name, 200, AvailableFeature::name, null);
        column(v, Messages.Column_version, 110, AvailableFeature::version, null);
        column(v, Messages.Column_installed, 130, f -> f.installedVersion().isEmpty() ? ""
            : f.update() ? NLS.bind(Messages.Install_updates, f.installedVersion()) : f.installedVersion(), f -> f.update() ? Styles.BLUE : null);
        column(v, Messages.Column_provider, 140, AvailableFeature::provider, null);
        column(v, Messages.Column_id, 220, AvailableFeature::id, null);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 130).applyTo(v.getControl());
        v.addSelectionChangedListener(e -> chosen());
        offered = v;

        // The configured repositories are only a suggestion: reading them must not hold up the dialog.
        run(Messages.Job_repositories, false, m -> model.configuredRepositories(), this::offer, this::error);
    }

    private static void column(TableViewer v, String title, int width, Function<AvailableFeature, String> text,
                               @Nullable Function<AvailableFeature, @Nullable Color> colour) {
        TableViewerColumn c = new TableViewerColumn(v, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((AvailableFeature) element);
            }

            @Override
            public @Nullable Color getForeground(Object element) {
                return colour == null ? null : colour.apply((AvailableFeature) element);
            }
        });
    }

    private void offer(List<URI> configured) {
        Combo c = repository;
        if (c == null || c.isDisposed()) {
            return;
        }
        String typed = c.getText();
        c.setItems(configured.stream().map(URI::toString).toArray(String[]::new));
        c.setText(typed.isEmpty() && !configured.isEmpty() ? configured.get(0).toString() : typed);
        noChange(configured.isEmpty() ? Messages.Install_startNoRepositories : Messages.Install_start);
    }

    /** Reads what the repository in the field offers. */
    public void load() {
        Combo c = repository;
        TableViewer v = offered;
        if (c == null || v == null) {
            return;
        }
        URI uri;
        try {
            uri = FeaturesModel.parseRepository(c.getText());
        } catch (FeatureException e) {
            error(e.getMessage());
            return;
        }
        error(null);
        v.setInput(List.of());
        noChange(NLS.bind(Messages.Install_loading, uri));
        run(NLS.bind(Messages.Job_load, uri), true, m -> {
            MonitorProgress p = new MonitorProgress(m, NLS.bind(Messages.Job_load, uri));
            try {
                return model.available(uri, p);
            } finally {
                p.done();
            }
        }, features -> {
            v.setInput(features);
            noChange(features.isEmpty() ? NLS.bind(Messages.Install_nothingOffered, uri) : Messages.Install_choose);
        }, why -> {
            noChange(Messages.Install_loadFailed);
            error(why);
        });
    }

    private void chosen() {
        TableViewer v = offered;
        Object o = v == null ? null : ((IStructuredSelection) v.getSelection()).getFirstElement();
        if (o instanceof AvailableFeature f) {
            preview(FeaturesModel.install(f));
        }
    }

    @Override
    protected void topEnabled(boolean enabled) {
        for (var c : new org.eclipse.swt.widgets.Control[] {repository, load, offered == null ? null : offered.getControl()}) {
            if (c != null && !c.isDisposed()) {
                c.setEnabled(enabled);
            }
        }
    }

    // ---- for tests -----------------------------------------------------------------------------

    public Combo repositoryField() {
        return java.util.Objects.requireNonNull(repository);
    }

    public TableViewer offered() {
        return java.util.Objects.requireNonNull(offered);
    }
}
