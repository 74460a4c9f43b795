package io.convergence.ui.features.internal.ui;

import io.convergence.ui.features.internal.Messages;
import io.convergence.ui.features.internal.PlanSummary;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.jspecify.annotations.Nullable;

/**
 * The preview of a change: a headline, what comes (green), changes version (blue) and goes (orange),
 * problems in red, whether a restart is needed, and the download size.
 */
final class PlanPane {

    private final Group group;
    private final Label headline;
    private final Table lines;
    private final Label restart;
    private final Label download;
    private @Nullable PlanSummary shown;

    PlanPane(Composite parent) {
        group = new Group(parent, SWT.NONE);
        group.setText(Messages.Plan_title);
        GridLayoutFactory.swtDefaults().spacing(4, 4).applyTo(group);
        headline = new Label(group, SWT.WRAP);
        headline.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DIALOG_FONT));
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(headline);
        lines = new Table(group, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 110).applyTo(lines);
        restart = new Label(group, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, SWT.DEFAULT).applyTo(restart);
        download = new Label(group, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(download);
        clear(Messages.Plan_empty);
    }

    Group control() {
        return group;
    }

    /** No plan: says why (nothing chosen yet, working it out). */
    void clear(String why) {
        shown = null;
        headline.setText(why);
        headline.setForeground(null);
        lines.removeAll();
        restart.setText("");
        download.setText("");
        group.layout(true, true);
    }

    void show(PlanSummary plan) {
        shown = plan;
        headline.setText(plan.headline());
        headline.setForeground(plan.canApply() ? null : Styles.RED);
        lines.removeAll();
        for (PlanSummary.Line l : plan.lines()) {
            TableItem item = new TableItem(lines, SWT.NONE);
            item.setText((l.kind() == PlanSummary.Kind.PROBLEM ? "\u26a0 " : "") + l.text());
            item.setForeground(Styles.line(l.kind()));
            item.setData(l.kind());
        }
        restart.setText(plan.restart());
        restart.setForeground(plan.restart().equals(Messages.Plan_live) ? null : Styles.ORANGE);
        download.setText(plan.download());
        group.layout(true, true);
    }

    /** The plan shown; {@code null} if none. */
    @Nullable PlanSummary shown() {
        return shown;
    }

    Table lines() {
        return lines;
    }

    Label headline() {
        return headline;
    }

    Label restart() {
        return restart;
    }
}
