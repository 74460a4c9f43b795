package io.convergence.ui.workbench.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.convergence.testing.ui.RunningWorkbench;

import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.EclipseContextFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** Window &gt; Show View as a user works it: open the dialog, read what it lists, choose a view, Open. */
final class ShowView {

    private static final String COMMAND = "io.convergence.ui.command.showView";
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final RunningWorkbench wb;
    private final Shell dialog;

    private ShowView(RunningWorkbench wb, Shell dialog) {
        this.wb = wb;
        this.dialog = dialog;
    }

    /** Runs the Show View command (as its menu item and Ctrl+3 do) and waits for the dialog. */
    static ShowView open(RunningWorkbench wb) throws InterruptedException {
        wb.uiLater(() -> {
            IEclipseContext window = wb.application().getSelectedElement().getContext();
            IEclipseContext with = EclipseContextFactory.create();
            with.set(IServiceConstants.ACTIVE_SHELL, (Shell) wb.application().getSelectedElement().getWidget());
            window.get(EHandlerService.class).executeHandler(window.get(ECommandService.class).createCommand(COMMAND, null), with);
        });
        Shell[] found = new Shell[1];
        wb.waitUntil("the Show View dialog", WAIT, () -> {
            found[0] = Arrays.stream(wb.display().getShells())
                .filter(s -> "Show View".equals(s.getText()) && s.isVisible()).findFirst().orElse(null);
            return found[0] != null;
        });
        return new ShowView(wb, found[0]);
    }

    /** What the dialog lists now: category, then the views' labels. */
    Map<String, List<String>> listed() {
        return wb.ui(() -> {
            Map<String, List<String>> out = new LinkedHashMap<>();
            for (TreeItem category : tree().getItems()) {
                List<String> views = new ArrayList<>();
                for (TreeItem v : category.getItems()) {
                    views.add(v.getText());
                }
                out.put(category.getText(), views);
            }
            return out;
        });
    }

    /** Waits until the dialog lists (or no longer lists) a view of that label in that category. */
    void waitListed(String category, String label, boolean listed) throws InterruptedException {
        wb.waitUntil((listed ? "" : "no ") + category + " / " + label + " in Show View", WAIT,
            () -> wb.ui(() -> listed(category, label)) == listed);
    }

    private boolean listed(String category, String label) {
        return listed().getOrDefault(category, List.of()).contains(label);
    }

    /** Chooses a view as a click does, then presses Open. */
    void openView(String category, String label) {
        wb.ui(() -> {
            Tree tree = tree();
            for (TreeItem c : tree.getItems()) {
                for (TreeItem v : c.getItems()) {
                    if (c.getText().equals(category) && v.getText().equals(label)) {
                        tree.setSelection(v);
                        Event e = new Event();
                        e.item = v;
                        tree.notifyListeners(SWT.Selection, e);
                        Button open = button("Open");
                        if (!open.isEnabled()) {
                            throw new AssertionError("Open is not enabled with " + label + " chosen");
                        }
                        open.notifyListeners(SWT.Selection, new Event());
                        return null;
                    }
                }
            }
            throw new AssertionError("Show View does not list " + category + " / " + label + ": " + listed());
        });
    }

    /** Closes the dialog with Cancel. */
    void cancel() {
        wb.ui(() -> {
            if (!dialog.isDisposed()) {
                button("Cancel").notifyListeners(SWT.Selection, new Event());
            }
            return null;
        });
    }

    boolean isOpen() {
        return wb.ui(() -> !dialog.isDisposed());
    }

    private Tree tree() {
        return find(dialog, Tree.class, null);
    }

    private Button button(String text) {
        return find(dialog, Button.class, text);
    }

    private static <T extends Control> T find(Composite root, Class<T> type, String text) {
        for (Control c : root.getChildren()) {
            if (type.isInstance(c) && (text == null || (c instanceof Button b && text.equals(b.getText())))) {
                return type.cast(c);
            }
            if (c instanceof Composite child) {
                T t = findOrNull(child, type, text);
                if (t != null) {
                    return t;
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + (text == null ? "" : " '" + text + "'") + " in the dialog");
    }

    private static <T extends Control> T findOrNull(Composite root, Class<T> type, String text) {
        try {
            return find(root, type, text);
        } catch (AssertionError e) {
            return null;
        }
    }
}
