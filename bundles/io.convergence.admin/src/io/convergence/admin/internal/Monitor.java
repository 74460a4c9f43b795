package io.convergence.admin.internal;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.convergence.admin.Progress;

/** p2's progress monitor reporting to a {@link Progress}. */
final class Monitor extends NullProgressMonitor {

    private final Progress progress;

    Monitor(Progress progress) {
        this.progress = progress;
    }

    @Override
    public void beginTask(String name, int totalWork) {
        if (name != null && !name.isBlank()) {
            progress.step(name, Math.max(0, totalWork));
        }
    }

    @Override
    public void subTask(String name) {
        if (name != null && !name.isBlank()) {
            progress.detail(name);
        }
    }

    @Override
    public void worked(int work) {
        progress.worked(work);
    }

    @Override
    public boolean isCanceled() {
        return super.isCanceled() || progress.cancelled();
    }
}
