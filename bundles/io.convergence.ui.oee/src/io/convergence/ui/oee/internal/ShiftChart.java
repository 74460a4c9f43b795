package io.convergence.ui.oee.internal;

import java.util.Arrays;

import io.convergence.ui.oee.internal.model.Messages;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.Range;

/** The OEE of the last shifts as bars, 0–100 %, one per shift, labelled by day and shift. */
final class ShiftChart {

    private static final String SERIES = "oee";

    private final Chart chart;
    private final IBarSeries<?> bars;
    private double[] shown = new double[0];
    private String[] labels = new String[0];

    ShiftChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText(Messages.Oee_historyTitle);
        chart.getLegend().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        x.enableCategory(true);
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getTitle().setText(Messages.Oee_historyAxis);
        y.setRange(new Range(0, 100));
        bars = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, SERIES);
        bars.setBarColor(Colors.BAR);
        bars.getLabel().setVisible(true);
        bars.getLabel().setFormat("0");
    }

    Chart control() {
        return chart;
    }

    void show(String[] categories, double[] oeePercent) {
        if (Arrays.equals(categories, labels) && Arrays.equals(oeePercent, shown)) {
            return;
        }
        labels = categories;
        shown = oeePercent;
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.setCategorySeries(categories.length == 0 ? new String[] {" "} : categories);
        bars.setYSeries(oeePercent.length == 0 ? new double[] {0} : oeePercent);
        x.adjustRange();
        chart.getAxisSet().getYAxis(0).setRange(new Range(0, 100));
        chart.redraw();
    }

    String[] categories() {
        return labels.clone();
    }

    double[] values() {
        return shown.clone();
    }
}
