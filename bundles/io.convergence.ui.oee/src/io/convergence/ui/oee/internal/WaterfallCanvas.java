package io.convergence.ui.oee.internal;

import java.util.List;
import java.util.function.Function;

import io.convergence.ui.oee.internal.model.Step;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;

/**
 * Draws the loss waterfall: one column per step, floating where the model put it, its duration
 * and share above it and its name (wrapped onto two lines) below it.
 */
final class WaterfallCanvas {

    private final Canvas canvas;
    private final Function<Step, String> valueText;
    private List<Step> steps = List.of();

    WaterfallCanvas(Composite parent, Function<Step, String> valueText) {
        this.valueText = valueText;
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
    }

    Canvas control() {
        return canvas;
    }

    void show(List<Step> next) {
        if (!next.equals(steps)) {
            steps = next;
            canvas.redraw();
        }
    }

    List<Step> steps() {
        return steps;
    }

    private void paint(Event e) {
        GC gc = e.gc;
        Rectangle area = canvas.getClientArea();
        if (steps.isEmpty() || area.width < 50 || area.height < 60) {
            return;
        }
        double max = steps.get(0).top();
        int lineHeight = gc.getFontMetrics().getHeight();
        int top = area.y + 2 * lineHeight + 6;
        int bottom = area.y + area.height - 2 * lineHeight - 8;
        int n = steps.size();
        int slot = area.width / n;
        int barWidth = Math.max(8, slot * 3 / 5);
        gc.setForeground(Colors.GRID);
        gc.drawLine(area.x, bottom, area.x + area.width, bottom);
        int previousLevel = -1;
        for (int i = 0; i < n; i++) {
            Step s = steps.get(i);
            int x = area.x + i * slot + (slot - barWidth) / 2;
            int yTop = y(s.top(), max, top, bottom);
            int yBottom = y(s.bottom(), max, top, bottom);
            gc.setBackground(Colors.of(s));
            gc.fillRectangle(x, yTop, barWidth, Math.max(1, yBottom - yTop));
            if (previousLevel >= 0) {
                // the connector from where the previous bar left off
                gc.setForeground(Colors.GRID);
                gc.drawLine(x - (slot - barWidth), previousLevel, x, previousLevel);
            }
            previousLevel = s.kind() == Step.Kind.LOSS || s.kind() == Step.Kind.PLANNED ? (s.kind() == Step.Kind.PLANNED ? yTop : yBottom) : -1;
            gc.setForeground(canvas.getForeground());
            String[] value = valueText.apply(s).split("\n");
            for (int l = 0; l < value.length; l++) {
                centred(gc, value[l], x + barWidth / 2, yTop - (value.length - l) * lineHeight - 2);
            }
            String[] label = wrap(gc, s.label(), slot - 4);
            for (int l = 0; l < label.length; l++) {
                centred(gc, label[l], x + barWidth / 2, bottom + 4 + l * lineHeight);
            }
        }
    }

    private static int y(double seconds, double max, int top, int bottom) {
        if (max <= 0) {
            return bottom;
        }
        return bottom - (int) Math.round((bottom - top) * Math.max(0, Math.min(1, seconds / max)));
    }

    private static void centred(GC gc, String text, int x, int y) {
        Point size = gc.textExtent(text);
        gc.drawText(text, x - size.x / 2, y, true);
    }

    /** Splits a label onto at most two lines that fit {@code width}, at a space. */
    private static String[] wrap(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width || !text.contains(" ")) {
            return new String[] {text};
        }
        int best = text.indexOf(' ');
        for (int i = best; i >= 0; i = text.indexOf(' ', i + 1)) {
            if (gc.textExtent(text.substring(0, i)).x <= width) {
                best = i;
            }
        }
        return new String[] {text.substring(0, best), text.substring(best + 1)};
    }
}
