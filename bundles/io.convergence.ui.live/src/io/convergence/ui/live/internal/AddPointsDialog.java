package io.convergence.ui.live.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.convergence.api.point.PointInfo;
import io.convergence.api.point.PointPath;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
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
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;

/**
 * Chooses points from the registry. The table is virtual, so a registry of 100,000 points opens
 * and filters as fast as one of ten.
 */
final class AddPointsDialog extends TitleAreaDialog {

    private final PointFilter filter;
    private List<PointInfo> shown;
    private List<PointPath> selected = List.of();
    private Table table;
    private Label count;

    AddPointsDialog(Shell parent, List<PointInfo> points) {
        super(parent);
        this.filter = new PointFilter(points);
        this.shown = filter.matching("");
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    /** The points chosen, in table order; empty if cancelled. */
    List<PointPath> selected() {
        return selected;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Add_title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(720, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.Add_title);
        setMessage(Messages.Add_message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().applyTo(c);
        Text text = new Text(c, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        text.setMessage(Messages.Add_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        table = new Table(c, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(table);
        column(Messages.Live_point, 420);
        column(Messages.Live_unit, 90);
        column(Messages.Add_type, 90);
        table.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            PointInfo p = shown.get(table.indexOf(item));
            item.setText(new String[] {p.path().toString(), p.unit(), p.type().name().toLowerCase(Locale.ROOT)});
        });
        table.addListener(SWT.DefaultSelection, e -> okPressed());
        count = new Label(c, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(count);
        text.addModifyListener(e -> show(text.getText()));
        show("");
        text.setFocus();
        return area;
    }

    private void column(String title, int width) {
        TableColumn col = new TableColumn(table, SWT.NONE);
        col.setText(title);
        col.setWidth(width);
    }

    private void show(String text) {
        shown = filter.matching(text);
        table.clearAll();
        table.setItemCount(shown.size());
        count.setText(NLS.bind(Messages.Add_count, shown.size(), filter.size()));
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!shown.isEmpty());
        }
    }

    @Override
    protected void okPressed() {
        List<PointPath> out = new ArrayList<>();
        int[] rows = table.getSelectionIndices();
        java.util.Arrays.sort(rows);
        for (int i : rows) {
            out.add(shown.get(i).path());
        }
        if (out.isEmpty() && shown.size() == 1) {
            out.add(shown.get(0).path());
        }
        selected = List.copyOf(out);
        super.okPressed();
    }
}
