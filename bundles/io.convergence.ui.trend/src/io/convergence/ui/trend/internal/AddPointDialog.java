package io.convergence.ui.trend.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.convergence.api.point.PointInfo;
import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.PointFilter;

import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Lists the points the trend can draw, filtered as the user types; returns those picked. The list
 * can grow while the dialog is open (the historian's points arrive from a background read).
 */
final class AddPointDialog extends TitleAreaDialog {

    private final List<PointInfo> points = new ArrayList<>();
    private List<PointInfo> picked = List.of();
    private TableViewer viewer;
    private Text filter;

    AddPointDialog(Shell parent, List<PointInfo> initial) {
        super(parent);
        points.addAll(initial);
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** Adds points not listed yet; call on the UI thread. */
    void addPoints(List<PointInfo> more) {
        for (PointInfo p : more) {
            if (points.stream().noneMatch(q -> q.path().equals(p.path()))) {
                points.add(p);
            }
        }
        points.sort((a, b) -> a.path().compareTo(b.path()));
        if (viewer != null && !viewer.getControl().isDisposed()) {
            refilter();
        }
    }

    /** The points picked when the dialog closed with OK. */
    List<PointInfo> picked() {
        return picked;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.addPointTitle);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(820, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.addPointTitle);
        setMessage(Messages.addPointMessage);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.fillDefaults().margins(8, 8).applyTo(c);
        filter = new Text(c, SWT.BORDER | SWT.SEARCH | SWT.ICON_CANCEL);
        filter.setMessage(Messages.addPointFilter);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(filter);
        viewer = new TableViewer(c, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(Messages.columnPoint, 420, p -> p.path().toString());
        column(Messages.columnUnit, 70, PointInfo::unit);
        column(Messages.columnDescription, 280, PointInfo::description);
        filter.addModifyListener(e -> refilter());
        viewer.addDoubleClickListener(e -> okPressed());
        refilter();
        filter.setFocus();
        return area;
    }

    private void refilter() {
        viewer.setInput(PointFilter.apply(points, filter.getText()));
    }

    private void column(String title, int width, Function<PointInfo, String> text) {
        TableViewerColumn c = new TableViewerColumn(viewer, SWT.NONE);
        c.getColumn().setText(title);
        c.getColumn().setWidth(width);
        c.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((PointInfo) element);
            }
        });
    }

    @Override
    protected void okPressed() {
        IStructuredSelection s = viewer.getStructuredSelection();
        List<PointInfo> out = new ArrayList<>();
        for (Object o : s.toList()) {
            out.add((PointInfo) o);
        }
        if (out.isEmpty()) {
            List<?> shown = (List<?>) viewer.getInput();
            if (shown != null && shown.size() == 1) {
                out.add((PointInfo) shown.get(0));
            }
        }
        picked = out;
        super.okPressed();
    }
}
