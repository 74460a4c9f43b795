package io.convergence.ui.common.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.convergence.api.point.PointPath;
import io.convergence.testing.ui.Ui;
import io.convergence.ui.common.LineChoice;

import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

/** The line drop-down of the views that show one line at a time, as a user works it. Needs an X display. */
class LineChoiceTest {

    private static final String KEY = "test.line";
    private static final PointPath LINE1 = PointPath.parse("acme/lyon/packaging/line1");
    private static final PointPath LINE2 = PointPath.parse("acme/lyon/packaging/line2");

    @Test
    void theLinePickedIsReadByTheViewAndKeptWithThePart() {
        Ui.assumeDisplay();
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        Shell shell = new Shell(display);
        try {
            GridLayoutFactory.fillDefaults().numColumns(2).applyTo(shell);
            Map<String, String> persisted = new HashMap<>();
            AtomicInteger changes = new AtomicInteger();
            LineChoice<PointPath, PointPath> choice = new LineChoice<>(shell, "Line:", 200, LineChoice.paths(), persisted,
                KEY, changes::incrementAndGet);
            assertNull(choice.chosen(), "nothing picked yet: the view shows the first line its figures have");

            choice.show(List.of(LINE1, LINE2), LINE1);
            assertEquals(List.of(LINE1.toString(), LINE2.toString()), choice.items());
            assertEquals(0, choice.control().getSelectionIndex());

            // The user picks the second line in the drop-down.
            choice.control().select(1);
            choice.control().notifyListeners(SWT.Selection, new Event());
            assertEquals(LINE2, choice.chosen());
            assertEquals(LINE2.toString(), persisted.get(KEY));
            assertEquals(1, changes.get(), "the view reads again at once");

            // The figures come back for that line; a list that did not change keeps the selection.
            choice.show(List.of(LINE1, LINE2), LINE2);
            assertEquals(1, choice.control().getSelectionIndex());

            assertFalse(choice.pick(PointPath.parse("acme/lyon/packaging/line9")), "a line not offered is not picked");
            assertTrue(choice.pick(LINE1));
            assertEquals(LINE1, choice.chosen());
            assertEquals(2, changes.get());
        } finally {
            shell.dispose();
        }
    }

    @Test
    void theViewOpensAgainOnTheKeptLineAndIgnoresAnUnreadableOne() {
        Ui.assumeDisplay();
        Display display = Display.getCurrent() != null ? Display.getCurrent() : new Display();
        Shell shell = new Shell(display);
        try {
            GridLayoutFactory.fillDefaults().numColumns(4).applyTo(shell);
            LineChoice<PointPath, PointPath> kept = new LineChoice<>(shell, "Line:", 200, LineChoice.paths(),
                new HashMap<>(Map.of(KEY, LINE2.toString())), KEY, () -> { });
            assertEquals(LINE2, kept.chosen());
            LineChoice<PointPath, PointPath> unreadable = new LineChoice<>(shell, "Line:", 200, LineChoice.paths(),
                new HashMap<>(Map.of(KEY, "no//such path")), KEY, () -> { });
            assertNull(unreadable.chosen(), "a kept value that is not a path (another version's) is dropped, not an error");
        } finally {
            shell.dispose();
        }
    }
}
