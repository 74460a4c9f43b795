package io.convergence.ui.trend.internal;

import java.util.Map;

import io.convergence.ui.trend.internal.data.TrendController;
import io.convergence.ui.trend.internal.model.Frame;
import io.convergence.ui.trend.internal.model.TrendModel;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Cursor;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;

/**
 * Mouse and keys on the plot. Wheel: zoom the time axis around the cursor; Shift+wheel: zoom every
 * Y axis around the cursor. Drag: pan time and values. Keys: + and - zoom time (with Shift, Y),
 * arrows pan, Home fits, double-click fits.
 */
final class ChartInput {

    /** Zoom factor of one wheel notch or key press. */
    static final double STEP = 0.8;
    /** Fraction of the window an arrow key pans. */
    static final double PAN = 0.25;

    private final TrendChart chart;
    private final TrendController controller;
    private final Runnable render;
    private boolean dragging;
    private int lastX;
    private int lastY;

    ChartInput(TrendChart chart, TrendController controller, Runnable render) {
        this.chart = chart;
        this.controller = controller;
        this.render = render;
    }

    void install() {
        Control plot = chart.plot();
        Cursor hand = plot.getDisplay().getSystemCursor(SWT.CURSOR_SIZEALL);
        plot.addListener(SWT.MouseVerticalWheel, this::wheel);
        plot.addListener(SWT.MouseDown, e -> {
            plot.forceFocus();
            if (e.button == 1) {
                dragging = true;
                lastX = e.x;
                lastY = e.y;
                plot.setCursor(hand);
            }
        });
        plot.addListener(SWT.MouseMove, this::drag);
        plot.addListener(SWT.MouseUp, e -> {
            if (dragging) {
                dragging = false;
                plot.setCursor(null);
                changed();
            }
        });
        plot.addListener(SWT.MouseDoubleClick, e -> {
            if (e.button == 1) {
                controller.fit();
                changed();
            }
        });
        plot.addListener(SWT.KeyDown, this::key);
        chart.chart().addListener(SWT.KeyDown, this::key);
    }

    private void wheel(Event e) {
        e.doit = false;
        if (e.count == 0) {
            return;
        }
        double factor = e.count > 0 ? STEP : 1 / STEP;
        Point size = chart.plotSize();
        if ((e.stateMask & SWT.SHIFT) != 0) {
            model().zoomY(shown(), factor, 1 - (double) e.y / Math.max(1, size.y));
        } else {
            model().zoomTime(factor, (double) e.x / Math.max(1, size.x), controller.now());
        }
        changed();
    }

    private void drag(Event e) {
        if (!dragging) {
            return;
        }
        Point size = chart.plotSize();
        int dx = e.x - lastX;
        int dy = e.y - lastY;
        lastX = e.x;
        lastY = e.y;
        if (dx != 0) {
            model().panTime(-(double) dx / Math.max(1, size.x));
        }
        if (dy != 0) {
            model().panY(shown(), (double) dy / Math.max(1, size.y));
        }
        render.run();
    }

    private void key(Event e) {
        boolean shift = (e.stateMask & SWT.SHIFT) != 0;
        switch (e.keyCode) {
            case '+', '=', SWT.KEYPAD_ADD -> zoom(STEP, shift);
            case '-', SWT.KEYPAD_SUBTRACT -> zoom(1 / STEP, shift);
            case SWT.ARROW_LEFT -> model().panTime(-PAN);
            case SWT.ARROW_RIGHT -> model().panTime(PAN);
            case SWT.ARROW_UP -> model().panY(shown(), 0.1);
            case SWT.ARROW_DOWN -> model().panY(shown(), -0.1);
            case SWT.HOME -> controller.fit();
            default -> {
                return;
            }
        }
        e.doit = false;
        changed();
    }

    private void zoom(double factor, boolean y) {
        if (y) {
            model().zoomY(shown(), factor, 0.5);
        } else {
            model().zoomTime(factor, 0.5, controller.now());
        }
    }

    private Map<String, double[]> shown() {
        Frame f = chart.frame();
        return f == null ? Map.of() : f.yRanges();
    }

    private TrendModel model() {
        return controller.model();
    }

    private void changed() {
        controller.update();
        render.run();
    }
}
