package io.convergence.ui.explorer.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import io.convergence.api.connector.BrowseNode;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;
import org.jspecify.annotations.Nullable;

/** Browses a connection's node in a background job, then asks the view to show the result. */
final class BrowseLoader implements Consumer<Object> {

    static final int TIMEOUT_S = 30;

    private final Display display;
    private final Consumer<Object> refresh;

    /** @param refresh called on the UI thread with the node whose children arrived */
    BrowseLoader(Display display, Consumer<Object> refresh) {
        this.display = display;
        this.refresh = refresh;
    }

    @Override
    public void accept(Object owner) {
        ConnectionNode connection;
        @Nullable String nodeId;
        LazyChildren children;
        if (owner instanceof ConnectionNode n) {
            connection = n;
            nodeId = null;
            children = n.children();
        } else if (owner instanceof BrowseItem b && b.children() != null) {
            connection = b.connection();
            nodeId = b.node().nodeId();
            children = b.children();
        } else {
            return;
        }
        Job job = Job.create(NLS.bind(Messages.Explorer_browsing, owner), monitor -> {
            try {
                List<BrowseNode> nodes = connection.connector().browse(nodeId).get(TIMEOUT_S, TimeUnit.SECONDS);
                List<BrowseItem> items = new ArrayList<>(nodes.size());
                for (BrowseNode node : nodes) {
                    items.add(new BrowseItem(connection, node));
                }
                children.loaded(items);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                children.failed(NLS.bind(Messages.Explorer_browseFailed,
                    cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()));
            } catch (TimeoutException e) {
                children.failed(NLS.bind(Messages.Explorer_browseFailed, NLS.bind(Messages.Explorer_browseTimeout, TIMEOUT_S)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                children.cancelled();
                return Status.CANCEL_STATUS;
            } catch (RuntimeException e) {
                children.failed(NLS.bind(Messages.Explorer_browseFailed, e.toString()));
            }
            if (!display.isDisposed()) {
                display.asyncExec(() -> refresh.accept(owner));
            }
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }
}
