package io.convergence.ui.common.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import io.convergence.api.connector.ConnectorState.Status;
import io.convergence.api.point.DataType;
import io.convergence.api.point.PointInfo;
import io.convergence.api.point.Quality;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.common.ConnectionStyle;
import io.convergence.ui.common.PointPicker;
import io.convergence.ui.common.QualityStyle;

import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;

/** The point picker as a user works it, and the labels every view uses. Needs an X display. */
class PointPickerTest {

    @Test
    void typingNarrowsTheListAndEnterTakesTheOnlyPointShown() throws Exception {
        Ui.assumeDisplay();
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        Shell shell = new Shell(display);
        try {
            List<PointInfo> points = List.of(
                PointSearchTest.info("filler/vibration", DataType.DOUBLE, "mm/s", "Vibration velocity"),
                PointSearchTest.info("filler/state", DataType.STRING, "", "Machine state"),
                PointSearchTest.info("capper/vibration", DataType.DOUBLE, "mm/s", "Vibration velocity"));
            PointPicker picker = new PointPicker(shell, "Add points", "Pick points", points, p -> p.type().isNumeric());
            picker.setBlockOnOpen(false);
            picker.open();
            assertEquals(2, picker.shown().size(), "text points are not offered here");
            picker.addPoints(List.of(PointSearchTest.info("filler/temperature", DataType.DOUBLE, "°C", "Product temperature"),
                PointSearchTest.info("filler/vibration", DataType.DOUBLE, "", "recorded earlier")));
            assertEquals(3, picker.shown().size(), "points read later are added, a point offered already is kept");
            picker.type("filler VIB");
            Ui.pump(display, 100);
            assertEquals(List.of(points.get(0)), picker.shown());
            Ui.screenshot(picker.getShell(), "point-picker.png");
            Table table = find(picker.getShell());
            assertEquals(1, table.getItemCount());
            table.notifyListeners(SWT.DefaultSelection, new org.eclipse.swt.widgets.Event());
            assertEquals(Window.OK, picker.getReturnCode());
            assertEquals(List.of(points.get(0)), picker.picked());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void qualityAndStateReadAndLookTheSameInEveryView() {
        assertEquals("Bad", QualityStyle.label(Quality.BAD));
        assertEquals("Good \u00b7 stale", QualityStyle.staleLabel(Quality.GOOD));
        assertEquals(null, QualityStyle.rgb(Quality.GOOD), "good keeps the normal text colour");
        assertEquals(QualityStyle.BAD, ConnectionStyle.rgb(Status.FAILED), "failed is as red as bad");
        assertEquals("Reconnecting", ConnectionStyle.label(Status.RECONNECTING));
        assertTrue(ConnectionStyle.dot(Status.CONNECTED).getImageData(100).width == 12);
    }

    private static Table find(org.eclipse.swt.widgets.Composite root) {
        for (var c : root.getChildren()) {
            if (c instanceof Table t) {
                return t;
            }
            if (c instanceof org.eclipse.swt.widgets.Composite child) {
                Table t = find(child);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
