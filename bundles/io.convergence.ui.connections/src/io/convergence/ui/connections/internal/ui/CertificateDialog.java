package io.convergence.ui.connections.internal.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.convergence.ui.connections.internal.CertificateInfo;
import io.convergence.ui.connections.internal.UntrustedCertificate;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

/**
 * Shows a refused server certificate (subject, issuer, validity, fingerprints), as the connector
 * read it from the certificate itself, and asks whether to trust it. Returns {@link #OK} for
 * "Trust"; the caller then lets the connector trust exactly this certificate.
 */
public final class CertificateDialog extends TitleAreaDialog {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
        .withZone(ZoneId.systemDefault());

    private final UntrustedCertificate certificate;
    private final CertificateInfo info;
    private final String connector;

    public CertificateDialog(Shell parent, UntrustedCertificate certificate, String connector) {
        super(parent);
        this.certificate = certificate;
        this.info = CertificateInfo.of(certificate.certificate());
        this.connector = connector;
        setShellStyle(getShellStyle() | SWT.RESIZE);
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Server certificate");
    }

    @Override
    protected Control createContents(Composite parent) {
        Control c = super.createContents(parent);
        setTitle("Trust this server certificate?");
        setMessage("Connection '" + connector + "' refused the server's certificate. Trust it only if its fingerprint "
            + "matches the one the server's administrator gives you.", IMessageProvider.WARNING);
        return c;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Composite grid = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(16, 12).spacing(14, 8).applyTo(grid);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(grid);
        row(grid, "Subject", info.subject(), false, null);
        row(grid, "Issuer", info.issuer() + (info.selfSigned() ? "   (self-signed)" : ""), false, null);
        Instant now = Instant.now();
        Color red = new Color(StateStyle.RED);
        row(grid, "Valid from", TIME.format(info.notBefore()) + (now.isBefore(info.notBefore()) ? "   (not yet valid)" : ""),
            false, now.isBefore(info.notBefore()) ? red : null);
        row(grid, "Valid until", TIME.format(info.notAfter()) + (now.isAfter(info.notAfter()) ? "   (expired)" : ""),
            false, now.isAfter(info.notAfter()) ? red : null);
        if (!info.alternativeNames().isEmpty()) {
            row(grid, "Alternative names", String.join(", ", info.alternativeNames()), false, null);
        }
        if (!info.serialNumber().isEmpty()) {
            row(grid, "Serial number", info.serialNumber(), true, null);
        }
        row(grid, "SHA-1", info.sha1(), true, null);
        row(grid, "SHA-256", info.sha256(), true, null);
        String storedIn = certificate.storedIn();
        if (storedIn != null) {
            row(grid, "Trusting stores it in", storedIn, false, null);
        }
        return area;
    }

    private static void row(Composite grid, String name, String value, boolean mono, @Nullable Color color) {
        Label l = new Label(grid, SWT.NONE);
        l.setText(name);
        l.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).applyTo(l);
        // Read-only text, so that a fingerprint can be selected and compared.
        Text t = new Text(grid, SWT.READ_ONLY | SWT.WRAP);
        t.setText(value);
        if (mono) {
            t.setFont(JFaceResources.getTextFont());
        }
        if (color != null) {
            t.setForeground(color);
        }
        t.setBackground(grid.getBackground());
        GridDataFactory.fillDefaults().grab(true, false).hint(640, SWT.DEFAULT).applyTo(t);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Trust", false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, true);
    }
}
