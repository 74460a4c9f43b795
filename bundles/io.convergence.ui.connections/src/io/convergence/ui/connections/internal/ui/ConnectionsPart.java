package io.convergence.ui.connections.internal.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.convergence.api.config.ConfigurationService;
import io.convergence.api.connector.ConnectorState;
import io.convergence.ui.connections.internal.CertificateTrust;
import io.convergence.ui.connections.internal.ConfigFileStore;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionFiles;
import io.convergence.ui.connections.internal.ConnectionRow;
import io.convergence.ui.connections.internal.ConnectionTester;
import io.convergence.ui.connections.internal.ConnectionsModel;
import io.convergence.ui.connections.internal.ConnectionsSource;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.ConnectorTypes;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.UntrustedCertificate;
import io.convergence.ui.connections.internal.Workspace;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders {@link ConnectionsModel}: the connections and their state, read again on a background
 * thread whenever the {@link ConnectionsSource} says something changed (and every few seconds, for
 * a partner's connector that changes state without telling), with New, Edit, Delete and Trust
 * certificate.
 */
public final class ConnectionsPart {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionsPart.class);
    /** How long a change settles before the view reads the services, so that a burst is read once. */
    private static final int REFRESH_MS = 100;
    /** Connector states are read this often even without news: not every connector publishes its changes. */
    private static final int SAFETY_MS = 5_000;

    private final ConnectionsModel model = new ConnectionsModel();
    private @Nullable ConnectionsSource source;
    private @Nullable ScheduledExecutorService poller;
    private @Nullable ConnectionsTable table;
    private @Nullable StateStyle style;
    private @Nullable Label summary;
    private @Nullable Text detail;
    private @Nullable Link trustLink;
    private @Nullable Button editButton;
    private @Nullable Button deleteButton;
    private volatile Map<String, UntrustedCertificate> untrusted = Map.of();
    private volatile long untrustedVersion;
    private long shownVersion = -1;
    private long shownUntrusted = -1;
    private final AtomicBoolean pollPending = new AtomicBoolean();
    private volatile @Nullable Display display;

    @PostConstruct
    public void create(Composite parent, IEclipseContext context) {
        display = parent.getDisplay();
        // The source gets its services by injection, from the part's context, as the part would.
        ConnectionsSource src = ContextInjectionFactory.make(ConnectionsSource.class, context);
        source = src;
        StateStyle st = new StateStyle(parent.getDisplay());
        style = st;
        GridLayoutFactory.fillDefaults().numColumns(6).margins(6, 6).spacing(6, 6).applyTo(parent);
        button(parent, "New...", "Create a connection with a form made from the connector type's description", this::newConnection);
        editButton = button(parent, "Edit...", "Edit the selected connection (or double-click it)", this::editSelected);
        deleteButton = button(parent, "Delete", "Delete the selected connection and its file", this::deleteSelected);
        Label gap = new Label(parent, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(gap);
        Label s = new Label(parent, SWT.NONE);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).span(2, 1).hint(380, SWT.DEFAULT).applyTo(s);
        summary = s;

        SashForm sash = new SashForm(parent, SWT.VERTICAL | SWT.SMOOTH);
        GridDataFactory.fillDefaults().span(6, 1).grab(true, true).applyTo(sash);
        ConnectionsTable t = new ConnectionsTable(sash, st);
        table = t;
        TableViewer v = t.viewer();
        v.addSelectionChangedListener(e -> selectionChanged());
        v.addDoubleClickListener(e -> editSelected());

        Composite bottom = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(0, 4).spacing(0, 4).applyTo(bottom);
        Text d = new Text(bottom, SWT.READ_ONLY | SWT.WRAP | SWT.MULTI | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(d);
        detail = d;
        Link link = new Link(bottom, SWT.NONE);
        link.setText("The server's certificate is not trusted: <a>Show and trust the certificate...</a>");
        link.addListener(SWT.Selection, e -> trustSelected());
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(link);
        link.setVisible(false);
        trustLink = link;
        sash.setWeights(72, 28);

        ScheduledExecutorService p = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread th = new Thread(r, "Connections view refresh");
            th.setDaemon(true);
            return th;
        });
        poller = p;
        p.scheduleWithFixedDelay(this::poll, 0, SAFETY_MS, TimeUnit.MILLISECONDS);
        src.onChange(this::pollSoon);
        selectionChanged();
    }

    /** Something changed: read the services shortly (once for a burst of changes), then show. */
    private void pollSoon() {
        ScheduledExecutorService p = poller;
        if (p != null && pollPending.compareAndSet(false, true)) {
            try {
                p.schedule(() -> {
                    pollPending.set(false);
                    poll();
                }, REFRESH_MS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // the view is closing
            }
        }
    }

    private static Button button(Composite parent, String text, String tip, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        b.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.swtDefaults().hint(Math.max(90, b.computeSize(SWT.DEFAULT, SWT.DEFAULT).x), SWT.DEFAULT).applyTo(b);
        return b;
    }

    /** Off the UI thread: reads the services into the model, and looks for refused certificates. */
    private void poll() {
        ConnectionsSource s = source;
        if (s == null) {
            return;
        }
        try {
            s.refresh(model);
            Map<String, UntrustedCertificate> found = new HashMap<>();
            for (ConnectionRow r : model.rows()) {
                if (r.status() == ConnectorState.Status.FAILED) {
                    UntrustedCertificate.of(r.id(), r.problem()).ifPresent(u -> found.put(r.id(), u));
                }
            }
            if (!found.equals(untrusted)) {
                untrusted = Map.copyOf(found);
                untrustedVersion++;
            }
        } catch (RuntimeException e) {
            LOG.warn("refreshing the connections failed: {}", e.toString());
        }
        Display d = display;
        if (d != null && !d.isDisposed()) {
            d.asyncExec(this::refresh);
        }
    }

    private void refresh() {
        ConnectionsTable t = table;
        if (t == null || t.viewer().getControl().isDisposed()) {
            return;
        }
        long version = model.version();
        long u = untrustedVersion;
        if (version != shownVersion || u != shownUntrusted) {
            shownVersion = version;
            shownUntrusted = u;
            t.setRows(model.rows());
            if (summary != null) {
                summary.setText(model.summary());
            }
            selectionChanged();
        }
    }

    private void selectionChanged() {
        ConnectionRow r = selected();
        if (editButton != null) {
            editButton.setEnabled(r != null && r.configurable());
        }
        if (deleteButton != null) {
            deleteButton.setEnabled(r != null && r.configurable());
        }
        Text d = detail;
        if (d != null && !d.isDisposed()) {
            String text = r == null ? (model.rows().isEmpty() ? "No connections yet. Choose New... to connect to a server." : "Select a connection to see its state in full.")
                : StateStyle.label(r.status()) + " since " + ConnectionsTable.TIME.format(r.since()) + ": " + r.detail()
                    + (r.config() == null ? "\n\nNot configured by a file: the bundle that registered it manages it."
                        : "\n\nConfigured by " + (r.config().source() == null ? "ConfigurationAdmin directly" : r.config().source()));
            if (!d.getText().equals(text)) {
                d.setText(text);
            }
        }
        Link l = trustLink;
        if (l != null && !l.isDisposed()) {
            boolean show = r != null && untrusted.containsKey(r.id());
            if (l.getVisible() != show) {
                l.setVisible(show);
                ((org.eclipse.swt.layout.GridData) l.getLayoutData()).exclude = !show;
                l.getParent().layout(true, true);
            }
        }
    }

    private @Nullable ConnectionRow selected() {
        String id = table == null ? null : table.selectedId();
        return id == null ? null : model.row(id);
    }

    /** Selects a connection by id. */
    public void select(String id) {
        ConnectionRow r = model.row(id);
        if (table != null && r != null) {
            table.select(r);
        }
    }

    /** Opens the editor for a new connection. */
    public void newConnection() {
        ConnectionEditorDialog d = openEditor(null, true);
        if (d != null && d.getReturnCode() == Window.OK) {
            selectLater(d.form().id());
        }
    }

    private void editSelected() {
        ConnectionRow r = selected();
        if (r != null && r.configurable()) {
            ConnectionEditorDialog d = openEditor(r.id(), true);
            if (d != null && d.getReturnCode() == Window.OK) {
                selectLater(d.form().id());
            }
        }
    }

    /**
     * Opens the editor.
     *
     * @param id the connection to edit; {@code null} for a new one
     * @param block whether to wait until it is closed
     * @return the dialog; {@code null} if it could not be opened (a message said why)
     */
    public @Nullable ConnectionEditorDialog openEditor(@Nullable String id, boolean block) {
        Shell shell = shell();
        EditorServices services = services();
        ConnectionsSource s = source;
        if (shell == null || services == null || s == null) {
            return null;
        }
        List<ConnectorType> types = s.types();
        FormModel form;
        ConnectionConfig original = null;
        String readOnly = null;
        Set<String> taken = new TreeSet<>(model.ids());
        if (id == null) {
            if (types.isEmpty()) {
                MessageDialog.openInformation(shell, "New connection", "No installed bundle describes a connector type.");
                return null;
            }
            form = FormModel.create(types.get(0));
        } else {
            ConnectionRow r = model.row(id);
            if (r == null || r.config() == null) {
                return null;
            }
            original = r.config();
            ConnectorType type = ConnectorTypes.byPid(types, original.factoryPid());
            if (type == null) {
                MessageDialog.openError(shell, "Edit connection", "No installed bundle describes " + original.factoryPid()
                    + " any more; its connection cannot be edited here.");
                return null;
            }
            form = FormModel.edit(type, original.properties());
            readOnly = services.files().whyReadOnly(original);
            taken.remove(id);
        }
        ConnectionEditorDialog d = new ConnectionEditorDialog(shell, form, types, original, readOnly, taken, services);
        d.setBlockOnOpen(block);
        d.open();
        return d;
    }

    private void deleteSelected() {
        ConnectionRow r = selected();
        Shell shell = shell();
        EditorServices services = services();
        if (r == null || r.config() == null || shell == null || services == null) {
            return;
        }
        ConnectionConfig c = r.config();
        String why = services.files().whyReadOnly(c);
        if (why != null) {
            MessageDialog.openInformation(shell, "Delete connection", "Connection '" + r.id() + "' cannot be deleted here: " + why + ".");
            return;
        }
        String file = services.files().store().holds(c.source()) ? " Its file " + c.source() + " is deleted and its"
            : " Its";
        if (!MessageDialog.openConfirm(shell, "Delete connection", "Delete connection '" + r.id() + "'?" + file
            + " connector stops.")) {
            return;
        }
        Display display = shell.getDisplay();
        Job.create("Deleting connection '" + r.id() + "'", monitor -> {
            try {
                services.files().delete(c);
            } catch (Exception e) {
                display.asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        MessageDialog.openError(shell, "Delete connection", "Could not delete '" + r.id() + "': " + e.getMessage());
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void trustSelected() {
        ConnectionRow r = selected();
        Shell shell = shell();
        ConnectionsSource s = source;
        if (r == null || shell == null || s == null) {
            return;
        }
        UntrustedCertificate u = untrusted.get(r.id());
        if (u == null || new CertificateDialog(shell, u, r.id()).open() != Window.OK) {
            return;
        }
        Display display = shell.getDisplay();
        Job.create("Trusting the certificate of '" + r.id() + "'", monitor -> {
            String failure = CertificateTrust.trust(s, u);
            display.asyncExec(() -> {
                if (failure != null && !shell.isDisposed()) {
                    MessageDialog.openError(shell, "Trust certificate", failure);
                }
            });
            return Status.OK_STATUS;
        }).schedule();
    }

    private void selectLater(String id) {
        Display d = table == null ? null : table.viewer().getControl().getDisplay();
        if (d != null) {
            // The connector shows at the next refresh.
            d.timerExec(2 * REFRESH_MS, () -> select(id));
        }
    }

    private @Nullable EditorServices services() {
        ConnectionsSource s = source;
        ConfigurationService cf = s == null ? null : s.configurationFiles();
        ConfigurationAdmin ca = s == null ? null : s.configurationAdmin();
        if (s == null || cf == null || ca == null) {
            Shell shell = shell();
            if (shell != null) {
                MessageDialog.openError(shell, "Connections", "The configuration service is not running; connections cannot be changed.");
            }
            return null;
        }
        return new EditorServices(new ConnectionFiles(cf, ca, new ConfigFileStore(Workspace.configDir())),
            new ConnectionTester(s.context(), cf));
    }

    private @Nullable Shell shell() {
        return table == null || table.viewer().getControl().isDisposed() ? null : table.viewer().getControl().getShell();
    }

    /** The model shown; for tests. */
    public ConnectionsModel model() {
        return model;
    }

    @PreDestroy
    public void dispose() {
        ScheduledExecutorService p = poller;
        if (p != null) {
            p.shutdownNow();
        }
        ConnectionsSource s = source;
        if (s != null) {
            s.close();
        }
        if (style != null) {
            style.dispose();
        }
    }
}
