package io.convergence.ui.trend.internal;

import java.text.DecimalFormat;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.convergence.ui.common.QualityStyle;
import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.Palette;
import io.convergence.ui.trend.internal.model.Pen;
import io.convergence.ui.trend.internal.model.TimeTicks;
import io.convergence.ui.trend.internal.model.Trace;

import org.eclipse.swt.SWT;
import org.eclipse.swt.events.PaintEvent;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swtchart.Chart;
import org.eclipse.swtchart.IAxis;
import org.eclipse.swtchart.IAxisSet;
import org.eclipse.swtchart.ICustomPaintListener;
import org.eclipse.swtchart.ILineSeries;
import org.eclipse.swtchart.ISeries;
import org.eclipse.swtchart.ISeries.SeriesType;
import org.eclipse.swtchart.LineStyle;
import org.eclipse.swtchart.Range;
import org.jspecify.annotations.Nullable;

/**
 * Draws a {@link Frame} with SWTChart: one Y axis per unit (alternating left and right), one line
 * series per pen, split into several where the line breaks, since SWTChart would join the points
 * across a {@link Double#NaN}. Bad-quality spans are shaded red, stretches without samples the line
 * does not cross grey, and the time grid comes from
 * {@link TimeTicks} rather than SWTChart's decimal steps. X values are microseconds since the epoch.
 */
final class TrendChart {

    static final int LABEL_PIXELS = 90;

    private static final String SEGMENT = "#";

    private final Chart chart;
    private final Color grid;
    private final Color badStrip;
    private final Color gapStrip;
    private final Color axisText;
    private final Map<String, Integer> axisByUnit = new HashMap<>();
    private final Set<String> seriesIds = new HashSet<>();
    private final DecimalFormat value = new DecimalFormat("#,##0.###");
    private @Nullable Frame frame;

    TrendChart(Composite parent) {
        chart = new Chart(parent, SWT.NONE);
        chart.enableCompress(false);
        grid = new Color(0xE4, 0xE4, 0xE4);
        badStrip = new Color(QualityStyle.BAD);
        gapStrip = color(Palette.GAP);
        axisText = new Color(0x44, 0x44, 0x44);
        Color white = chart.getDisplay().getSystemColor(SWT.COLOR_WHITE);
        chart.setBackground(white);
        chart.setBackgroundInPlotArea(white);
        chart.getTitle().setVisible(false);
        chart.getLegend().setPosition(SWT.TOP);
        chart.getLegend().setBackground(white);
        IAxis x = chart.getAxisSet().getXAxis(0);
        x.getTitle().setVisible(false);
        x.getTick().setVisible(false);
        x.getGrid().setStyle(LineStyle.NONE);
        IAxis y = chart.getAxisSet().getYAxis(0);
        y.getGrid().setStyle(LineStyle.SOLID);
        y.getGrid().setForeground(grid);
        y.getTick().setForeground(axisText);
        y.getTitle().setForeground(axisText);
        chart.getPlotArea().addCustomPaintListener(new ICustomPaintListener() {
            @Override
            public void paintControl(PaintEvent e) {
                paintBehind(e);
            }

            @Override
            public boolean drawBehindSeries() {
                return true;
            }
        });
        chart.getPlotArea().setBackgroundText(Messages.emptyChart, chart.getFont(), axisText);
        chart.addDisposeListener(e -> {
            grid.dispose();
        });
    }

    Chart chart() {
        return chart;
    }

    /** The control that shows the lines and takes the mouse. */
    Control plot() {
        return chart.getPlotArea().getControl();
    }

    /** The plot's size in pixels. */
    Point plotSize() {
        return chart.getPlotArea().getSize();
    }

    /** The frame drawn last. */
    @Nullable Frame frame() {
        return frame;
    }

    /** Draws a frame. */
    void show(Frame f) {
        frame = f;
        chart.suspendUpdate(true);
        try {
            syncAxes(f);
            syncSeries(f);
            IAxis x = chart.getAxisSet().getXAxis(0);
            x.setRange(new Range(f.window().from(), f.window().to()));
            f.yRanges().forEach((unit, r) -> {
                Integer id = axisByUnit.get(unit);
                if (id != null) {
                    chart.getAxisSet().getYAxis(id).setRange(new Range(r[0], r[1]));
                }
            });
            chart.getPlotArea().setBackgroundText(f.pens().isEmpty() ? Messages.emptyChart : "", chart.getFont(), axisText);
        } finally {
            chart.suspendUpdate(false);
        }
        chart.redraw();
    }

    /** The Y axis of a unit, if it has one. */
    @Nullable IAxis yAxis(String unit) {
        Integer id = axisByUnit.get(unit);
        return id == null ? null : chart.getAxisSet().getYAxis(id);
    }

    /** The line series of a pen's first segment, if drawn. */
    @Nullable ILineSeries<?> firstSeries(Pen pen) {
        return (ILineSeries<?>) chart.getSeriesSet().getSeries(pen.path() + SEGMENT + 0);
    }

    /** Every line series of a pen. */
    List<ISeries<?>> series(Pen pen) {
        List<ISeries<?>> out = new ArrayList<>();
        for (ISeries<?> s : chart.getSeriesSet().getSeries()) {
            if (s.getId().startsWith(pen.path() + SEGMENT)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The time under a plot pixel column. */
    double timeAt(int x) {
        return chart.getAxisSet().getXAxis(0).getDataCoordinate(x);
    }

    private void syncAxes(Frame f) {
        IAxisSet axes = chart.getAxisSet();
        List<String> units = new ArrayList<>(f.yRanges().keySet());
        if (units.isEmpty()) {
            units.add("");
        }
        for (String unit : new ArrayList<>(axisByUnit.keySet())) {
            if (!units.contains(unit)) {
                int id = axisByUnit.remove(unit);
                if (id != 0) {
                    axes.deleteYAxis(id);
                }
            }
        }
        for (int i = 0; i < units.size(); i++) {
            String unit = units.get(i);
            Integer id = axisByUnit.get(unit);
            if (id == null) {
                id = i == 0 && !axisByUnit.containsValue(0) ? 0 : axes.createYAxis();
                axisByUnit.put(unit, id);
                IAxis a = axes.getYAxis(id);
                if (id != 0) {
                    a.getGrid().setStyle(LineStyle.NONE);
                }
            }
            IAxis a = axes.getYAxis(id);
            a.setPosition(i % 2 == 0 ? IAxis.Position.Primary : IAxis.Position.Secondary);
            a.getTitle().setText(unit.isEmpty() ? " " : unit);
            List<Pen> on = f.pens().stream().map(Frame.PenTrace::pen).filter(p -> p.unit().equals(unit)).toList();
            Color c = on.size() == 1 ? color(on.get(0).rgb()) : axisText;
            a.getTitle().setForeground(c);
            a.getTick().setForeground(c);
        }
    }

    private void syncSeries(Frame f) {
        Set<String> used = new HashSet<>();
        for (Frame.PenTrace pt : f.pens()) {
            Pen pen = pt.pen();
            Trace t = pt.trace();
            int[][] segments = t.segments();
            int n = Math.max(1, segments.length);
            Color c = color(pen.rgb());
            Integer axis = axisByUnit.get(pen.unit());
            for (int k = 0; k < n; k++) {
                String id = pen.path() + SEGMENT + k;
                used.add(id);
                ILineSeries<?> s = (ILineSeries<?>) chart.getSeriesSet().getSeries(id);
                if (s == null) {
                    s = (ILineSeries<?>) chart.getSeriesSet().createSeries(SeriesType.LINE, id);
                    s.setSymbolType(ILineSeries.PlotSymbolType.NONE);
                    s.setLineWidth(1);
                    s.setAntialias(SWT.OFF);
                }
                s.setLineColor(c);
                s.setDescription(legend(pen, t, f));
                s.setVisibleInLegend(k == 0);
                s.setYAxisId(axis == null ? 0 : axis);
                if (k < segments.length) {
                    int from = segments[k][0];
                    int to = segments[k][1];
                    double[] xs = new double[to - from];
                    double[] ys = new double[to - from];
                    for (int i = from; i < to; i++) {
                        xs[i - from] = t.time(i);
                        ys[i - from] = t.value(i);
                    }
                    s.setXSeries(xs);
                    s.setYSeries(ys);
                    s.setSymbolType(xs.length == 1 ? ILineSeries.PlotSymbolType.CIRCLE : ILineSeries.PlotSymbolType.NONE);
                    s.setSymbolSize(2);
                    s.setSymbolColor(c);
                } else {
                    s.setXSeries(new double[0]);
                    s.setYSeries(new double[0]);
                }
            }
        }
        for (String id : seriesIds) {
            if (!used.contains(id)) {
                chart.getSeriesSet().deleteSeries(id);
            }
        }
        seriesIds.clear();
        seriesIds.addAll(used);
    }

    /** The pen's label and its newest value in the window, as the legend shows them. */
    private String legend(Pen pen, Trace t, Frame f) {
        for (int i = t.lowerBound(f.window().to()) - 1; i >= 0; i--) {
            if (!t.isBreak(i)) {
                return pen.label() + "  " + value.format(t.value(i));
            }
        }
        return pen.label();
    }

    /** Time grid, and shading of bad-quality spans and of gaps, under the lines. */
    private void paintBehind(PaintEvent e) {
        Frame f = frame;
        if (f == null) {
            return;
        }
        Point size = plotSize();
        IAxis x = chart.getAxisSet().getXAxis(0);
        e.gc.setForeground(grid);
        for (TimeTicks.Tick t : TimeTicks.ticks(f.window(), size.x, LABEL_PIXELS, ZoneId.systemDefault())) {
            int px = x.getPixelCoordinate(t.time());
            e.gc.setLineWidth(t.major() ? 2 : 1);
            e.gc.drawLine(px, 0, px, size.y);
        }
        e.gc.setLineWidth(1);
        for (Frame.PenTrace pt : f.pens()) {
            Trace t = pt.trace();
            for (int i = 0; i < t.gapSpans(); i++) {
                shade(e, x, size, t.gapFrom(i), t.gapTo(i), gapStrip);
            }
            for (int i = 0; i < t.badSpans(); i++) {
                shade(e, x, size, t.badFrom(i), t.badTo(i), badStrip);
            }
        }
    }

    /** A faint band over the plot's height and a solid strip along its bottom. */
    private static void shade(PaintEvent e, IAxis x, Point size, long from, long to, Color color) {
        int a = x.getPixelCoordinate(from);
        int b = Math.max(a + 2, x.getPixelCoordinate(to));
        if (b < 0 || a > size.x) {
            return;
        }
        e.gc.setAlpha(0x30);
        e.gc.setBackground(color);
        e.gc.fillRectangle(a, 0, b - a, size.y);
        e.gc.setAlpha(0xFF);
        e.gc.fillRectangle(a, size.y - 5, b - a, 5);
    }

    static Color color(int rgb) {
        return new Color(new RGB((rgb >> 16) & 0xFF, (rgb >> 8) & 0xFF, rgb & 0xFF));
    }
}
