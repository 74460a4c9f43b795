package io.convergence.ui.features.internal.ui;

import java.util.function.Consumer;

import io.convergence.admin.FeatureException;
import io.convergence.ui.features.internal.Messages;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a call of the feature service in a job and hands its result, or why it failed, back to the UI
 * thread while {@code owner} is still there. Failures are always handed back: the caller shows them.
 */
final class Background {

    private static final Logger LOG = LoggerFactory.getLogger(Background.class);

    /** A blocking call. */
    interface Work<T> {
        T run(IProgressMonitor monitor) throws FeatureException;
    }

    private Background() {
    }

    static <T> Job run(Control owner, String name, Work<T> work, Consumer<T> ok, Consumer<String> failed) {
        Display display = owner.getDisplay();
        Job job = Job.create(name, monitor -> {
            T result = null;
            String why = null;
            try {
                result = work.run(monitor);
            } catch (FeatureException e) {
                LOG.info("{} failed ({}): {}", name, e.kind(), e.getMessage());
                why = e.getMessage() == null ? e.kind().toString() : e.getMessage();
            } catch (RuntimeException e) {
                LOG.warn("{} failed", name, e);
                why = NLS.bind(Messages.Error_unexpected, e.toString());
            }
            T r = result;
            String w = why;
            if (!display.isDisposed()) {
                display.asyncExec(() -> {
                    if (owner.isDisposed()) {
                        return;
                    }
                    if (w == null) {
                        ok.accept(r);
                    } else {
                        failed.accept(w);
                    }
                });
            }
            return Status.OK_STATUS;
        });
        job.schedule();
        return job;
    }
}
