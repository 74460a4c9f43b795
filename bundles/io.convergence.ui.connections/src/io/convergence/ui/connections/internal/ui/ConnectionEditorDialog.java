package io.convergence.ui.connections.internal.ui;

import java.util.List;
import java.util.Set;

import io.convergence.ui.connections.internal.ConnectionConfig;
import io.convergence.ui.connections.internal.ConnectorType;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.FormProblems;
import io.convergence.ui.connections.internal.SaveResult;
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
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
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
    private @Nullable TestPanel testPanel;
    private @Nullable Job saving;
    private @Nullable SaveResult result;
    private @Nullable String error;

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
        TestPanel tp = new TestPanel(area, () -> form, services.tester(), this::setBusy,
            r -> setProblems(form.problemsOf(r.problems()), "Cannot test"));
        testPanel = tp;
        if (readOnly != null) {
            tp.setEnabled(false);
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
        if (testPanel != null) {
            testPanel.cancel();
        }
        super.cancelPressed();
    }

    /** Checks, writes and applies the connection in the background; closes the dialog when it is saved. */
    public void save() {
        if (busy() || readOnly != null) {
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
        saving = job;
        job.schedule();
    }

    private void saved(SaveResult r) {
        saving = null;
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
        if (!busy() && readOnly == null && testPanel != null) {
            setProblems(FormProblems.NONE, null);
            testPanel.test();
        }
    }

    private void setBusy(boolean busy) {
        boolean editable = !busy && readOnly == null;
        if (renderer != null) {
            renderer.setEnabled(editable);
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(editable);
        }
        if (testPanel != null) {
            testPanel.setEnabled(editable);
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
        return saving != null || (testPanel != null && testPanel.running());
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
        return testPanel == null ? "" : testPanel.statusText();
    }

    /** The certificate a failed test found untrusted, if any (from the connector's structured problem). */
    public @Nullable UntrustedCertificate untrusted() {
        return testPanel == null ? null : testPanel.untrusted();
    }
}
