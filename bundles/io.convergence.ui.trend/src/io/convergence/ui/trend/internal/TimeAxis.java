package io.convergence.ui.trend.internal;

import java.time.ZoneId;

import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.TimeTicks;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swtchart.IAxis;

/**
 * The time labels under the plot, at the round local times {@link TimeTicks} picks, lined up with
 * the plot's pixels. Drawn here rather than by SWTChart, whose ticks fall on decimal steps.
 */
final class TimeAxis extends Canvas {

    private final TrendChart chart;
    private final Color text;

    TimeAxis(Composite parent, TrendChart chart) {
        super(parent, SWT.DOUBLE_BUFFERED);
        this.chart = chart;
        this.text = new Color(0x44, 0x44, 0x44);
        setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        addPaintListener(e -> paint(e.gc));
    }

    @Override
    public Point computeSize(int wHint, int hHint, boolean changed) {
        GC gc = new GC(this);
        try {
            int h = gc.getFontMetrics().getHeight() + 8;
            return new Point(wHint == SWT.DEFAULT ? 200 : wHint, h);
        } finally {
            gc.dispose();
        }
    }

    private void paint(GC gc) {
        Frame f = chart.frame();
        if (f == null) {
            return;
        }
        int offset = chart.plot().toDisplay(0, 0).x - toDisplay(0, 0).x;
        Point plot = chart.plotSize();
        IAxis x = chart.chart().getAxisSet().getXAxis(0);
        gc.setForeground(text);
        gc.drawLine(offset, 0, offset + plot.x, 0);
        int lastRight = Integer.MIN_VALUE;
        for (TimeTicks.Tick t : TimeTicks.ticks(f.window(), plot.x, TrendChart.LABEL_PIXELS, ZoneId.systemDefault())) {
            int px = offset + x.getPixelCoordinate(t.time());
            Point ext = gc.textExtent(t.label());
            int left = Math.max(offset, Math.min(offset + plot.x - ext.x, px - ext.x / 2));
            if (left <= lastRight + 6) {
                continue;
            }
            gc.drawLine(px, 0, px, 3);
            gc.drawString(t.label(), left, 4, true);
            lastRight = left + ext.x;
        }
    }
}
