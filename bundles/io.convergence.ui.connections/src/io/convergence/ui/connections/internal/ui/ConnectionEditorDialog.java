package io.convergence.ui.connections.internal.ui;

import java.util.List;
import java.util.Set;

import io.convergence.api.connector.ConnectorState;
import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectionTester;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.FormProblems;
import io.convergence.ui.connections.internal.SaveResult;
import io.convergence.ui.connections.internal.TestResult;
import io.convergence.ui.connections.internal.UntrustedCertificate;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.eclipse.swt.widgets.Shell;
import org.jspecify.annotations.Nullable;

/**
 * Creates or edits one connection with a form generated from its connector type's MetaType.
 * Save and Test run in background jobs; problems the runtime reports show at their fields.
 */
public final class ConnectionEditorDialog extends TitleAreaDialog {

    private final List<ConnectorType> types;
    private final @Nullable ConnectionConfig original;
    private final @Nullable String readOnly;
    private final Set<String> takenIds;
    private final EditorServices services;
    private FormModel form;
    private @Nullable FormRenderer renderer;
    private @Nullable ScrolledComposite scroll;
    private @Nullable Button testButton;
    private @Nullable ProgressBar progress;
    private @Nullable Label testStatus;
    private @Nullable Button trustButton;
    private @Nullable Job running;
    private @Nullable UntrustedCertificate untrusted;
    private @Nullable SaveResult result;
    private @Nullable String error;
    private long testStart;

    /**
     * @param form the form to start from: a new one of the first type, or one filled from {@code original}
     * @param types the connector types to choose from (new connections only)
     * @param original the configuration edited; {@code null} for a new connection
     * @param readOnly why it cannot be saved here; {@code null} if it can
     * @param takenIds ids of the other connections
     */
    ConnectionEditorDialog(Shell parent, FormModel form, List<ConnectorType> types, @Nullable ConnectionConfig original,
                           @Nullable String readOnly, Set<String> takenIds, EditorServices services) {
        super(parent);
        this.form = form;
        this.types = List.copyOf(types);
        this.original = original;
        this.readOnly = readOnly;
        this.takenIds = Set.copyOf(takenIds);
        this.services = services;
        setShellStyle(getShellStyle() | SWT.RESIZE | SWT.MAX);
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(form.isNew() ? "New connection" : "Connection " + form.originalId());
    }

    @Override
    protected Point getInitialSize() {
        Rectangle screen = getShell().getDisplay().getPrimaryMonitor().getClientArea();
        return new Point(Math.min(760, screen.width - 40), Math.min(860, screen.height - 40));
    }

    @Override
    protected Control createContents(Composite parent) {
        Control c = super.createContents(parent);
        setTitle(form.isNew() ? "New connection" : "Edit connection '" + form.originalId() + "'");
        describe();
        return c;
    }

    private void describe() {
        if (readOnly != null) {
            setMessage("Read only: " + readOnly + ".", IMessageProvider.WARNING);
        } else {
            String d = form.type().description();
            setMessage(form.type().name() + (d.isEmpty() ? "" : ": " + d));
        }
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite top = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(16, 10).spacing(12, 4).applyTo(top);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(top);
        new Label(top, SWT.NONE).setText("Connector type");
        if (form.isNew() && types.size() > 1) {
            Combo type = new Combo(top, SWT.READ_ONLY);
            types.forEach(t -> type.add(t.name()));
            type.select(Math.max(0, types.indexOf(form.type())));
            type.addListener(SWT.Selection, e -> changeType(types.get(type.getSelectionIndex())));
            GridDataFactory.swtDefaults().hint(260, SWT.DEFAULT).applyTo(type);
        } else {
            Label type = new Label(top, SWT.NONE);
            type.setText(form.type().name() + "   (" + form.type().factoryPid() + ")");
        }
        Label req = new Label(top, SWT.NONE);
        req.setText("* required");
        req.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.swtDefaults().align(SWT.END, SWT.CENTER).grab(true, false).applyTo(req);

        new Label(area, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(GridDataFactory.fillDefaults().grab(true, false).create());
        ScrolledComposite sc = new ScrolledComposite(area, SWT.V_SCROLL);
        sc.setExpandHorizontal(true);
        sc.setExpandVertical(true);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sc);
        scroll = sc;
        buildForm();

        new Label(area, SWT.SEPARATOR | SWT.HORIZONTAL).setLayoutData(GridDataFactory.fillDefaults().grab(true, false).create());
        Composite test = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(16, 8).spacing(10, 4).applyTo(test);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(test);
        Button tb = new Button(test, SWT.PUSH);
        tb.setText("Test connection");
        tb.setToolTipText("Starts this connection for up to " + ConnectionTester.TIMEOUT.toSeconds()
            + " s without saving it, and reports whether it connects");
        tb.addListener(SWT.Selection, e -> test());
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(tb);
        testButton = tb;
        ProgressBar pb = new ProgressBar(test, SWT.HORIZONTAL | SWT.SMOOTH);
        pb.setMaximum(1000);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(90, SWT.DEFAULT).exclude(true).applyTo(pb);
        pb.setVisible(false);
        progress = pb;
        Label status = new Label(test, SWT.WRAP);
        status.setText("Test the connection before saving: it runs for up to " + ConnectionTester.TIMEOUT.toSeconds()
            + " s and is removed again.");
        status.setForeground(getShell().getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);
        testStatus = status;
        Button trust = new Button(test, SWT.PUSH);
        trust.setText("Trust certificate...");
        trust.addListener(SWT.Selection, e -> trust());
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).exclude(true).applyTo(trust);
        trust.setVisible(false);
        trustButton = trust;
        if (readOnly != null) {
            tb.setEnabled(false);
            if (renderer != null) {
                renderer.setEnabled(false);
            }
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        Button save = createButton(parent, IDialogConstants.OK_ID, "Save", true);
        save.setEnabled(readOnly == null);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    private void buildForm() {
        ScrolledComposite sc = scroll;
        if (sc == null) {
            return;
        }
        if (renderer != null) {
            renderer.control().dispose();
        }
        FormRenderer r = new FormRenderer(sc, form, () -> { });
        renderer = r;
        sc.setContent(r.control());
        relayout();
    }

    private void relayout() {
        ScrolledComposite sc = scroll;
        FormRenderer r = renderer;
        if (sc == null || r == null || sc.isDisposed()) {
            return;
        }
        int width = Math.max(sc.getClientArea().width, 500);
        sc.setMinSize(r.control().computeSize(width, SWT.DEFAULT));
        r.control().layout(true, true);
    }

    private void changeType(ConnectorType t) {
        if (t.equals(form.type())) {
            return;
        }
        String id = form.id();
        form = FormModel.create(t);
        form.set("id", id);
        describe();
        buildForm();
    }

    @Override
    protected void okPressed() {
        save();
    }

    @Override
    protected void cancelPressed() {
        Job j = running;
        if (j != null) {
            j.cancel();
        }
        super.cancelPressed();
    }

    /** Checks, writes and applies the connection in the background; closes the dialog when it is saved. */
    public void save() {
        if (running != null || readOnly != null) {
            return;
        }
        setProblems(FormProblems.NONE, null);
        FormModel f = form;
        Display display = getShell().getDisplay();
        setBusy(true);
        setMessage("Saving " + f.id() + "...");
        Job job = Job.create("Saving connection '" + f.id() + "'", monitor -> {
            SaveResult r = services.files().save(f, takenIds, original);
            display.asyncExec(() -> saved(r));
            return Status.OK_STATUS;
        });
        running = job;
        job.schedule();
    }

    private void saved(SaveResult r) {
        running = null;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        setBusy(false);
        if (r.saved()) {
            result = r;
            setReturnCode(OK);
            close();
            return;
        }
        describe();
        setProblems(r.problems(), "Not saved");
    }

    private void setProblems(FormProblems p, @Nullable String what) {
        form.setProblems(p);
        if (renderer != null) {
            renderer.showProblems();
        }
        relayout();
        if (p.isEmpty()) {
            error = null;
            setErrorMessage(null);
            return;
        }
        String first = !p.general().isEmpty() ? p.general().get(0)
            : form.field(p.byField().keySet().iterator().next()).label() + ": " + p.byField().values().iterator().next();
        int more = p.count() - 1;
        error = what + ": " + first + (more > 0 ? " (and " + more + " more, marked below)" : "");
        setErrorMessage(error);
        revealFirstProblem();
    }

    /** Scrolls the form so that the first field with a problem, and its message, are in view. */
    private void revealFirstProblem() {
        ScrolledComposite sc = scroll;
        Control c = renderer == null ? null : renderer.firstProblem();
        if (sc == null || c == null || sc.isDisposed()) {
            return;
        }
        int y = c.getBounds().y;
        int visible = sc.getClientArea().height;
        int origin = sc.getOrigin().y;
        if (y < origin || y + 60 > origin + visible) {
            sc.setOrigin(0, Math.max(0, y - visible / 3));
        }
    }

    /** Tries the connection in the background and reports what the connector says. */
    public void test() {
        if (running != null || readOnly != null) {
            return;
        }
        setProblems(FormProblems.NONE, null);
        FormModel f = form;
        Display display = getShell().getDisplay();
        testStart = System.nanoTime();
        setBusy(true);
        showTrust(null);
        status("Starting a test connector...", null);
        Job job = Job.create("Testing connection '" + f.id() + "'", monitor -> {
            TestResult r = services.tester().test(f, ConnectionTester.TIMEOUT, monitor,
                s -> display.asyncExec(() -> testing(s)));
            UntrustedCertificate u = r.outcome() == TestResult.Outcome.FAILED
                ? UntrustedCertificate.find(r.detail(), f.valueOrEmpty("pkiDir")).orElse(null) : null;
            display.asyncExec(() -> tested(r, u));
            return Status.OK_STATUS;
        });
        running = job;
        job.schedule();
        progressTick();
    }

    private void progressTick() {
        ProgressBar pb = progress;
        if (pb == null || pb.isDisposed() || running == null) {
            return;
        }
        long ms = (System.nanoTime() - testStart) / 1_000_000;
        pb.setSelection((int) Math.min(1000, ms * 1000 / ConnectionTester.TIMEOUT.toMillis()));
        pb.getDisplay().timerExec(100, this::progressTick);
    }

    private void testing(ConnectorState s) {
        if (running != null) {
            status(StateStyle.label(s.status()) + ": " + s.detail(), s.status());
        }
    }

    private void tested(TestResult r, @Nullable UntrustedCertificate u) {
        running = null;
        if (getShell() == null || getShell().isDisposed()) {
            return;
        }
        setBusy(false);
        switch (r.outcome()) {
            case CONNECTED -> status("Connected: " + r.detail(), ConnectorState.Status.CONNECTED);
            case FAILED -> status("Failed: " + r.detail(), ConnectorState.Status.FAILED);
            case TIMED_OUT -> status(r.detail(), ConnectorState.Status.RECONNECTING);
            case INVALID -> {
                status("The configuration was refused; see the fields marked in red.", ConnectorState.Status.FAILED);
                setProblems(form.problemsOf(r.problems()), "Cannot test");
            }
            case CANCELLED -> status("Test cancelled.", null);
        }
        showTrust(u);
    }

    private void trust() {
        UntrustedCertificate u = untrusted;
        if (u == null) {
            return;
        }
        if (CertificateDialog.openAndTrust(getShell(), u, form.id())) {
            showTrust(null);
            status("Certificate trusted. Test again: the connector retries with it.", ConnectorState.Status.CONNECTED);
        }
    }

    private void showTrust(@Nullable UntrustedCertificate u) {
        untrusted = u;
        Button b = trustButton;
        if (b != null && !b.isDisposed()) {
            b.setVisible(u != null);
            ((org.eclipse.swt.layout.GridData) b.getLayoutData()).exclude = u == null;
            b.getParent().layout(true, true);
        }
    }

    private void status(String text, ConnectorState.@Nullable Status s) {
        Label l = testStatus;
        if (l == null || l.isDisposed()) {
            return;
        }
        l.setText(text);
        Color c = s == null ? l.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : new Color(StateStyle.rgb(s));
        l.setForeground(c);
        l.getParent().layout(true, true);
        getShell().layout(true, true);
    }

    private void setBusy(boolean busy) {
        if (renderer != null) {
            renderer.setEnabled(!busy && readOnly == null);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(!busy && readOnly == null);
        }
        if (testButton != null) {
            testButton.setEnabled(!busy && readOnly == null);
        }
        ProgressBar pb = progress;
        if (pb != null) {
            pb.setVisible(busy && testStart > 0);
            ((org.eclipse.swt.layout.GridData) pb.getLayoutData()).exclude = !pb.getVisible();
            pb.getParent().layout(true, true);
        }
        if (!busy) {
            testStart = 0;
        }
    }

    /** The form being edited. */
    public FormModel form() {
        return form;
    }

    /** Sets a field as if the user typed or chose it. */
    public void set(String id, String value) {
        if (renderer != null) {
            renderer.set(id, value);
        }
    }

    /** Whether a save or test runs. */
    public boolean busy() {
        return running != null;
    }

    /** What saving did, once the dialog closed with Save. */
    public @Nullable SaveResult result() {
        return result;
    }

    /** The error shown at the top; {@code null} if none. */
    public @Nullable String error() {
        return error;
    }

    /** The test status line. */
    public String testStatus() {
        return testStatus == null || testStatus.isDisposed() ? "" : testStatus.getText();
    }

    /** The certificate a failed test found untrusted, if any. */
    public @Nullable UntrustedCertificate untrusted() {
        return untrusted;
    }
}
