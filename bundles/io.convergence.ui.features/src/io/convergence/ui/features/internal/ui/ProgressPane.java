package io.convergence.ui.features.internal.ui;

import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.ProgressMonitorWrapper;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;

/**
 * Shows a job's progress inside a dialog: what is being done and how far. The monitor it hands out
 * forwards to the job's own monitor and may be called from any thread; the pane redraws at most once
 * per UI event loop turn.
 */
final class ProgressPane {

    private static final int SCALE = 1000;

    private final Composite composite;
    private final Label text;
    private final ProgressBar bar;
    private volatile String task = "";
    private volatile String sub = "";
    private volatile double total;
    private volatile double done;
    private final AtomicBoolean scheduled = new AtomicBoolean();

    ProgressPane(Composite parent) {
        composite = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(4, 2).applyTo(composite);
        text = new Label(composite, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(text);
        bar = new ProgressBar(composite, SWT.HORIZONTAL | SWT.SMOOTH);
        bar.setMaximum(SCALE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(bar);
        show(false);
    }

    Composite control() {
        return composite;
    }

    /** Shows or hides the pane (hidden, it takes no room). */
    void show(boolean visible) {
        if (composite.isDisposed()) {
            return;
        }
        composite.setVisible(visible);
        Object data = composite.getLayoutData();
        if (data instanceof org.eclipse.swt.layout.GridData g) {
            g.exclude = !visible;
        }
        composite.getParent().layout(true, true);
    }

    /** Starts over with an activity of unknown length, such as loading a repository. */
    void start(String what) {
        task = what;
        sub = "";
        total = 0;
        done = 0;
        show(true);
        redraw();
    }

    /** A monitor that reports to {@code job} and to this pane. */
    IProgressMonitor monitor(IProgressMonitor job) {
        return new ProgressMonitorWrapper(job) {
            @Override
            public void beginTask(String name, int totalWork) {
                super.beginTask(name, totalWork);
                task = name;
                total = totalWork;
                done = 0;
                changed();
            }

            @Override
            public void setTaskName(String name) {
                super.setTaskName(name);
                task = name;
                changed();
            }

            @Override
            public void subTask(String name) {
                super.subTask(name);
                sub = name;
                changed();
            }

            @Override
            public void internalWorked(double work) {
                super.internalWorked(work);
                done += work;
                changed();
            }

            @Override
            public void worked(int work) {
                internalWorked(work);
            }
        };
    }

    private void changed() {
        if (scheduled.compareAndSet(false, true) && !composite.isDisposed()) {
            composite.getDisplay().asyncExec(() -> {
                scheduled.set(false);
                redraw();
            });
        }
    }

    private void redraw() {
        if (composite.isDisposed()) {
            return;
        }
        String t = sub.isEmpty() ? task : task.isEmpty() ? sub : task + " \u2014 " + sub;
        text.setText(t);
        text.setToolTipText(t);
        if (total <= 0 || total == IProgressMonitor.UNKNOWN) {
            // Indeterminate: keep the bar moving a little so the user sees something happens.
            bar.setSelection((bar.getSelection() + 37) % SCALE);
        } else {
            bar.setSelection((int) Math.min(SCALE, done * SCALE / total));
        }
    }
}
