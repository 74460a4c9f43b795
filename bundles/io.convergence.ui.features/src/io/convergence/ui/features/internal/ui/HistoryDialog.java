package io.convergence.ui.features.internal.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.convergence.admin.ChangePlan;
import io.convergence.admin.ProfileState;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.jspecify.annotations.Nullable;

/**
 * The installation's states, newest first, the current one in bold; Revert previews returning to the
 * selected state, then makes it so.
 */
final class HistoryDialog extends Dialog {

    private static final int REVERT_ID = IDialogConstants.CLIENT_ID + 1;
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

    private final FeaturesModel model;
    private final Consumer<ChangePlan> applied;
    private @Nullable TableViewer states;
    private @Nullable Label status;

    /** @param applied told about a revert that was carried out */
    HistoryDialog(Shell parent, FeaturesModel model, Consumer<ChangePlan> applied) {
        super(parent);
        this.model = model;
        this.applied = applied;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.History_title);
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 760), Math.max(p.y, 420));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.History_intro);
        GridDataFactory.fillDefaults().grab(true, false).hint(500, SWT.DEFAULT).applyTo(intro);
        TableViewer v = new TableViewer(area, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        v.getTable().setHeaderVisible(true);
        v.getTable().setLinesVisible(true);
        v.setContentProvider(ArrayContentProvider.getInstance());
        column(v, Messages.History_state, 60, s -> Integer.toString(s.number()));
        column(v, Messages.History_time, 160, s -> TIME.format(s.time()));
        column(v, Messages.History_current, 70, s -> s.current() ? Messages.History_isCurrent : "");
        column(v, Messages.History_features, 460, s -> String.join(", ", s.rootFeatures()));
        v.addSelectionChangedListener(e -> selectionChanged());
        v.addDoubleClickListener(e -> revert());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(v.getControl());
        states = v;
        Label s = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(s);
        status = s;
        return area;
    }

    private static void column(TableViewer v, String title, int width, Function<ProfileState, String> text) {
        TableViewerColumn c = new TableViewerColumn(v, SWT.LEFT);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((ProfileState) element);
            }

            @Override
            public @Nullable Font getFont(Object element) {
                return ((ProfileState) element).current() ? JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT) : null;
            }
        });
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, REVERT_ID, Messages.History_revert, false).setEnabled(false);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    public void create() {
        super.create();
        reload();
    }

    private void reload() {
        status(Messages.History_loading, false);
        Background.run(getShell(), Messages.History_loading, m -> model.history(), (List<ProfileState> list) -> {
            TableViewer v = states;
            if (v != null) {
                v.setInput(list.reversed());
            }
            status(list.isEmpty() ? Messages.History_empty : NLS.bind(Messages.History_count, list.size()), false);
            selectionChanged();
        }, why -> status(why, true));
    }

    private void status(String text, boolean failure) {
        Label s = status;
        if (s != null && !s.isDisposed()) {
            s.setText(text);
            s.setForeground(failure ? Styles.RED : null);
            s.getParent().layout(true, true);
        }
    }

    private @Nullable ProfileState selected() {
        TableViewer v = states;
        Object o = v == null ? null : ((IStructuredSelection) v.getSelection()).getFirstElement();
        return o instanceof ProfileState p ? p : null;
    }

    private void selectionChanged() {
        ProfileState s = selected();
        Button b = getButton(REVERT_ID);
        if (b != null && !b.isDisposed()) {
            b.setEnabled(s != null && !s.current());
        }
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == REVERT_ID) {
            revert();
        } else if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }

    private void revert() {
        ProfileState s = selected();
        if (s == null || s.current()) {
            return;
        }
        ChangeDialog d = new ChangeDialog(getShell(), model, NLS.bind(Messages.History_revertTitle, s.number()),
            Messages.History_revert, FeaturesModel.revert(s));
        if (d.open() == Window.OK && d.result() != null) {
            applied.accept(d.result());
            reload();
        }
    }

    /** For tests. */
    TableViewer states() {
        return java.util.Objects.requireNonNull(states);
    }
}
