package io.convergence.ui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.convergence.api.point.PointInfo;

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
import org.jspecify.annotations.Nullable;

/**
 * Chooses points: a search field ({@link PointSearch}: every word must appear in the path, unit or
 * description) over a table of path, unit, type and description. The table is virtual, so 100,000
 * points open and filter as fast as ten, and the list may grow while the dialog is open (points
 * read in the background). Enter or a double-click takes the selection, or the only point shown.
 */
public final class PointPicker extends TitleAreaDialog {

    private final String title;
    private final String message;
    private final Predicate<PointInfo> offered;
    private final List<PointInfo> all = new ArrayList<>();
    private PointSearch search = PointSearch.empty();
    private List<PointInfo> shown = List.of();
    private List<PointInfo> picked = List.of();
    private @Nullable Table table;
    private @Nullable Text filter;
    private @Nullable Label count;

    /**
     * @param title the window's title and heading
     * @param message what the choice is for
     * @param points the points to offer
     * @param offered which of them can be picked (a trend offers numeric points only)
     */
    public PointPicker(Shell parent, String title, String message, List<PointInfo> points, Predicate<PointInfo> offered) {
        super(parent);
        this.title = title;
        this.message = message;
        this.offered = offered;
        setShellStyle(getShellStyle() | SWT.RESIZE);
        addPoints(points);
    }

    /** Offers more points (not those at a path offered already); on the UI thread. */
    public void addPoints(List<PointInfo> more) {
        for (PointInfo p : more) {
            if (offered.test(p)) {
                all.add(p);
            }
        }
        search = PointSearch.of(all);
        all.clear();
        all.addAll(search.points());
        if (table != null && !table.isDisposed()) {
            refilter();
        }
    }

    /** The points picked, in table order; empty unless the dialog closed with OK. */
    public List<PointInfo> picked() {
        return picked;
    }

    /** What is listed now (for tests). */
    public List<PointInfo> shown() {
        return shown;
    }

    /** Types into the search field, as a user does (for tests). */
    public void type(String text) {
        if (filter != null) {
            filter.setText(text);
        }
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Point getInitialSize() {
        return new Point(860, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.swtDefaults().applyTo(c);
        Text f = new Text(c, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        filter = f;
        f.setMessage(Messages.Picker_filterHint);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(f);
        Table t = new Table(c, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table = t;
        t.setHeaderVisible(true);
        t.setLinesVisible(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(t);
        column(t, Messages.Picker_point, 400);
        column(t, Messages.Picker_unit, 70);
        column(t, Messages.Picker_type, 70);
        column(t, Messages.Picker_description, 260);
        t.addListener(SWT.SetData, e -> {
            TableItem item = (TableItem) e.item;
            PointInfo p = shown.get(t.indexOf(item));
            item.setText(new String[] {p.path().toString(), p.unit(), p.type().name().toLowerCase(Locale.ROOT),
                p.description()});
        });
        t.addListener(SWT.DefaultSelection, e -> okPressed());
        Label n = new Label(c, SWT.NONE);
        count = n;
        GridDataFactory.fillDefaults().grab(true, false).applyTo(n);
        f.addModifyListener(e -> refilter());
        refilter();
        f.setFocus();
        return area;
    }

    private static void column(Table t, String text, int width) {
        TableColumn col = new TableColumn(t, SWT.NONE);
        col.setText(text);
        col.setWidth(width);
    }

    private void refilter() {
        Table t = table;
        if (t == null) {
            return;
        }
        shown = search.matching(filter == null ? "" : filter.getText());
        t.clearAll();
        t.setItemCount(shown.size());
        if (count != null) {
            count.setText(NLS.bind(Messages.Picker_count, shown.size(), search.size()));
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!shown.isEmpty());
        }
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        getButton(IDialogConstants.OK_ID).setEnabled(!shown.isEmpty());
    }

    @Override
    protected void okPressed() {
        List<PointInfo> out = new ArrayList<>();
        if (table != null) {
            int[] rows = table.getSelectionIndices();
            Arrays.sort(rows);
            for (int i : rows) {
                out.add(shown.get(i));
            }
        }
        if (out.isEmpty() && shown.size() == 1) {
            out.add(shown.get(0));
        }
        picked = List.copyOf(out);
        super.okPressed();
    }
}
