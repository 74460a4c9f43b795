package io.convergence.ui.downtime.internal;

import java.util.List;
import java.util.function.DoubleFunction;

import io.convergence.ui.downtime.internal.model.Messages;
import io.convergence.ui.downtime.internal.model.Pareto;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IBarSeries;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;

/**
 * A Pareto chart: one bar per reason, largest first, and the cumulative share as a line on a
 * second axis (0–100 %). Long reason texts are shortened under the bars; the tooltip of the chart
 * lists them in full.
 */
final class ParetoChart {

    private static final int MAX_LABEL = 12;
    private static final Color BAR = new Color(0x3a, 0x6e, 0xa5);
    private static final Color LINE = new Color(0xc2, 0x6a, 0x00);

    private final Chart chart;
    private final IBarSeries<?> bars;
    private final ILineSeries<?> cumulative;
    private final String title;
    private List<Pareto.Bar> shown = List.of();

    ParetoChart(Composite parent, String title, String unitAxis) {
        this.title = title;
        chart = new Chart(parent, SWT.NONE);
        chart.getTitle().setText(title);
        chart.getLegend().setVisible(false);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        x.enableCategory(true);
        chart.getAxisSet().getYAxis(0).getTitle().setText(unitAxis);
        int percentAxis = chart.getAxisSet().createYAxis();
        IAxis y2 = chart.getAxisSet().getYAxis(percentAxis);
        y2.setPosition(org.eclipse.swtchart.IAxis.Position.Secondary);
        y2.getTitle().setText(Messages.Downtime_cumulative);
        y2.setRange(new Range(0, 105));
        bars = (IBarSeries<?>) chart.getSeriesSet().createSeries(SeriesType.BAR, "value");
        bars.setBarColor(BAR);
        cumulative = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, "cumulative");
        cumulative.setYAxisId(percentAxis);
        cumulative.setLineColor(LINE);
        cumulative.setSymbolColor(LINE);
        cumulative.setLineStyle(LineStyle.SOLID);
        cumulative.setLineWidth(2);
    }

    Chart control() {
        return chart;
    }

    /**
     * Shows the bars; {@code scale} turns a value into the unit of the axis (seconds into hours),
     * {@code empty} is the title when there is nothing to show.
     */
    void show(List<Pareto.Bar> next, DoubleFunction<Double> scale, String empty) {
        if (next.equals(shown) && !shown.isEmpty()) {
            return;
        }
        shown = next;
        chart.getTitle().setText(next.isEmpty() ? empty : title);
        IAxis x = chart.getAxisSet().getXAxis(0);
        String[] labels = next.isEmpty() ? new String[] {" "}
            : next.stream().map(b -> shorten(b.label())).toArray(String[]::new);
        x.setCategorySeries(labels);
        bars.setYSeries(next.isEmpty() ? new double[] {0} : next.stream().mapToDouble(b -> scale.apply(b.value())).toArray());
        cumulative.setYSeries(next.isEmpty() ? new double[] {0} : next.stream().mapToDouble(b -> b.cumulative() * 100).toArray());
        cumulative.setVisible(!next.isEmpty());
        StringBuilder tip = new StringBuilder();
        for (Pareto.Bar b : next) {
            tip.append(b.label()).append('\n');
        }
        chart.getPlotArea().getControl().setToolTipText(tip.toString().strip());
        x.adjustRange();
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.adjustRange();
        Range r = y.getRange();
        y.setRange(new Range(0, Math.max(r.upper * 1.1, 1e-9)));
        chart.redraw();
    }

    /** The bars shown, for tests. */
    List<Pareto.Bar> bars() {
        return shown;
    }

    /** The category labels, for tests. */
    String[] labels() {
        return chart.getAxisSet().getXAxis(0).getCategorySeries();
    }

    static String shorten(String label) {
        return label.length() <= MAX_LABEL ? label : label.substring(0, MAX_LABEL - 1).strip() + "\u2026";
    }
}
