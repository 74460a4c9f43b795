package io.convergence.ui.connections.internal.ui;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.convergence.api.connector.ConnectorProblem;
import io.convergence.api.connector.ConnectorState;
import io.convergence.ui.connections.internal.ConnectionTester;
import io.convergence.ui.connections.internal.FormModel;
import io.convergence.ui.connections.internal.TestResult;
import io.convergence.ui.connections.internal.UntrustedCertificate;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.jspecify.annotations.Nullable;

/**
 * The editor's "Test connection" row: runs a {@link ConnectionTester} in a background job, shows
 * its progress and the connector's states as they come, the outcome in the state's colour, and
 * offers to trust a refused server certificate: after the user reviewed it, the test runs again
 * and lets the connector trust exactly that certificate.
 */
final class TestPanel {

    private final Supplier<FormModel> form;
    private final ConnectionTester tester;
    private final Consumer<Boolean> busy;
    private final Consumer<TestResult> invalid;
    private final Button testButton;
    private final ProgressBar progress;
    private final Label status;
    private final Button trustButton;
    private @Nullable Job running;
    private @Nullable UntrustedCertificate untrusted;
    private long start;

    /**
     * @param form the form to test, read when the test starts
     * @param busy told when a test starts ({@code true}) and ends
     * @param invalid told when the runtime refused the configuration, to show it at the fields
     */
    TestPanel(Composite parent, Supplier<FormModel> form, ConnectionTester tester, Consumer<Boolean> busy,
              Consumer<TestResult> invalid) {
        this.form = form;
        this.tester = tester;
        this.busy = busy;
        this.invalid = invalid;
        Composite row = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(4).margins(16, 8).spacing(10, 4).applyTo(row);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        long seconds = ConnectionTester.TIMEOUT.toSeconds();
        testButton = new Button(row, SWT.PUSH);
        testButton.setText("Test connection");
        testButton.setToolTipText("Starts this connection for up to " + seconds + " s without saving it, and reports whether it connects");
        testButton.addListener(SWT.Selection, e -> test());
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(testButton);
        progress = new ProgressBar(row, SWT.HORIZONTAL | SWT.SMOOTH);
        progress.setMaximum(1000);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.CENTER).hint(90, SWT.DEFAULT).applyTo(progress);
        show(progress, false);
        status = new Label(row, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(status);
        status("Test the connection before saving: it runs for up to " + seconds + " s and is removed again.", null);
        trustButton = new Button(row, SWT.PUSH);
        trustButton.setText("Trust certificate...");
        trustButton.addListener(SWT.Selection, e -> trust());
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).applyTo(trustButton);
        show(trustButton, false);
    }

    /** Tests the form's connection in the background. */
    void test() {
        run(null);
    }

    /** Tests, taking the approved action when the connector asks for it. */
    private void run(ConnectionTester.@Nullable Approval approval) {
        if (running != null) {
            return;
        }
        FormModel f = form.get();
        Display display = status.getDisplay();
        start = System.nanoTime();
        untrusted = null;
        show(trustButton, false);
        show(progress, true);
        status(approval == null ? "Starting a test connector..." : "Trusting the certificate and connecting...", null);
        busy.accept(true);
        Job job = Job.create("Testing connection '" + f.id() + "'", monitor -> {
            TestResult r = tester.test(f, ConnectionTester.TIMEOUT, monitor, s -> display.asyncExec(() -> state(s)),
                approval);
            UntrustedCertificate u = r.outcome() == TestResult.Outcome.FAILED
                ? UntrustedCertificate.of(f.id(), r.state()).orElse(null) : null;
            display.asyncExec(() -> done(r, u));
            return Status.OK_STATUS;
        });
        running = job;
        job.schedule();
        tick();
    }

    private void tick() {
        if (progress.isDisposed() || running == null) {
            return;
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        progress.setSelection((int) Math.min(1000, ms * 1000 / ConnectionTester.TIMEOUT.toMillis()));
        progress.getDisplay().timerExec(100, this::tick);
    }

    private void state(ConnectorState s) {
        if (running != null) {
            status(StateStyle.label(s.status()) + ": " + s.detail(), s.status());
        }
    }

    private void done(TestResult r, @Nullable UntrustedCertificate u) {
        running = null;
        if (status.isDisposed()) {
            return;
        }
        show(progress, false);
        busy.accept(false);
        switch (r.outcome()) {
            case CONNECTED -> status("Connected: " + r.detail(), ConnectorState.Status.CONNECTED);
            case FAILED -> status("Failed: " + r.detail(), ConnectorState.Status.FAILED);
            case TIMED_OUT -> status(r.detail(), ConnectorState.Status.RECONNECTING);
            case INVALID -> {
                status("The configuration was refused; see the fields marked in red.", ConnectorState.Status.FAILED);
                invalid.accept(r);
            }
            case CANCELLED -> status("Test cancelled.", null);
        }
        untrusted = u;
        show(trustButton, u != null);
    }

    private void trust() {
        UntrustedCertificate u = untrusted;
        if (u != null && new CertificateDialog(status.getShell(), u, form.get().id()).open() == Window.OK) {
            run(new ConnectionTester.Approval(ConnectorProblem.TRUST_CERTIFICATE, u.certificate()));
        }
    }

    private void status(String text, ConnectorState.@Nullable Status s) {
        if (status.isDisposed()) {
            return;
        }
        status.setText(text);
        Color c = s == null ? status.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY) : new Color(StateStyle.rgb(s));
        status.setForeground(c);
        status.getShell().layout(true, true);
    }

    private static void show(Control c, boolean visible) {
        c.setVisible(visible);
        ((GridData) c.getLayoutData()).exclude = !visible;
        c.getParent().layout(true, true);
    }

    void setEnabled(boolean enabled) {
        testButton.setEnabled(enabled);
    }

    boolean running() {
        return running != null;
    }

    /** Stops a running test; it removes its connector. */
    void cancel() {
        Job j = running;
        if (j != null) {
            j.cancel();
        }
    }

    String statusText() {
        return status.isDisposed() ? "" : status.getText();
    }

    @Nullable UntrustedCertificate untrusted() {
        return untrusted;
    }
}
