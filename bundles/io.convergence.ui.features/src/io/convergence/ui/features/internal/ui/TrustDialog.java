package io.convergence.ui.features.internal.ui;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.convergence.admin.FeatureException;
import io.convergence.admin.TrustPolicy;
import io.convergence.ui.features.internal.FeaturesModel;
import io.convergence.ui.features.internal.Messages;
import io.convergence.ui.features.internal.TrustSummary;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

/**
 * The trust policy: the publishers whose signed content is accepted (add one from a certificate or
 * PGP key file, remove one), and where unsigned content is accepted. Every change goes through the
 * feature service, which records it in the audit log.
 */
final class TrustDialog extends Dialog {

    private final FeaturesModel model;
    private @Nullable TrustPolicy policy;
    private org.eclipse.swt.widgets.@Nullable List publishers;
    private @Nullable Button remove;
    private @Nullable Button addFile;
    private @Nullable Button allowUnsigned;
    private @Nullable Text unsignedRepositories;
    private @Nullable Label status;

    TrustDialog(Shell parent, FeaturesModel model) {
        super(parent);
        this.model = model;
        setShellStyle(getShellStyle() | SWT.RESIZE);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.Trust_title);
    }

    @Override
    protected Point getInitialSize() {
        Point p = super.getInitialSize();
        return new Point(Math.max(p.x, 680), Math.max(p.y, 480));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        Label intro = new Label(area, SWT.WRAP);
        intro.setText(Messages.Trust_intro);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(intro);
        org.eclipse.swt.widgets.List l = new org.eclipse.swt.widgets.List(area, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        GridDataFactory.fillDefaults().grab(true, true).hint(SWT.DEFAULT, 120).applyTo(l);
        l.addListener(SWT.Selection, e -> enable());
        publishers = l;
        Composite buttons = new Composite(area, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        Button add = new Button(buttons, SWT.PUSH);
        add.setText(Messages.Trust_add);
        add.setToolTipText(Messages.Trust_addTip);
        add.addListener(SWT.Selection, e -> addFromFile());
        GridDataFactory.fillDefaults().applyTo(add);
        addFile = add;
        Button r = new Button(buttons, SWT.PUSH);
        r.setText(Messages.Trust_remove);
        r.addListener(SWT.Selection, e -> removeSelected());
        GridDataFactory.fillDefaults().applyTo(r);
        remove = r;

        Button allow = new Button(area, SWT.CHECK);
        allow.setText(Messages.Trust_allowUnsigned);
        allow.addListener(SWT.Selection, e -> enable());
        GridDataFactory.fillDefaults().span(2, 1).applyTo(allow);
        allowUnsigned = allow;
        Label repos = new Label(area, SWT.WRAP);
        repos.setText(Messages.Trust_unsignedRepositories);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(repos);
        Text t = new Text(area, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(SWT.DEFAULT, 60).applyTo(t);
        unsignedRepositories = t;
        Label s = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).hint(500, SWT.DEFAULT).applyTo(s);
        status = s;
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, Messages.Trust_save, true).setEnabled(false);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
    }

    @Override
    public void create() {
        super.create();
        status(Messages.Trust_loading, false);
        Background.run(getShell(), Messages.Trust_loading, m -> model.trustPolicy(), p -> {
            show(p, true);
            status("", false);
        }, why -> status(why, true));
    }

    /** Shows the policy; the unsigned settings only when {@code all} (not to undo what the user changed). */
    private void show(TrustPolicy p, boolean all) {
        policy = p;
        var l = publishers;
        if (l != null) {
            List<String> lines = TrustSummary.publishers(p);
            l.setItems(lines.isEmpty() ? new String[] {Messages.Trust_nobody} : lines.toArray(String[]::new));
            l.setData(lines.isEmpty() ? null : lines);
        }
        if (all && allowUnsigned != null && unsignedRepositories != null) {
            allowUnsigned.setSelection(p.allowUnsigned());
            unsignedRepositories.setText(String.join("\n", p.unsignedRepositories().stream().map(URI::toString).toList()));
        }
        enable();
    }

    private void enable() {
        var l = publishers;
        if (remove != null && l != null) {
            remove.setEnabled(l.getData() != null && l.getSelectionIndex() >= 0);
        }
        if (unsignedRepositories != null && allowUnsigned != null) {
            unsignedRepositories.setEnabled(!allowUnsigned.getSelection());
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(policy != null);
        }
    }

    private void addFromFile() {
        FileDialog f = new FileDialog(getShell(), SWT.OPEN);
        f.setText(Messages.Trust_addTip);
        f.setFilterExtensions(new String[] {"*.pem;*.crt;*.cer;*.der;*.asc;*.gpg", "*"});
        String file = f.open();
        if (file != null) {
            status(Messages.Trust_adding, false);
            Background.run(getShell(), Messages.Trust_adding, m -> model.trust(Path.of(file)), p -> {
                show(p, false);
                status(Messages.Trust_added, false);
            }, why -> status(why, true));
        }
    }

    /** Stops trusting the selected publisher, after asking: saved at once, like adding one. */
    private void removeSelected() {
        TrustPolicy p = policy;
        var l = publishers;
        if (p == null || l == null || l.getData() == null || l.getSelectionIndex() < 0) {
            return;
        }
        int i = l.getSelectionIndex();
        if (!MessageDialog.openConfirm(getShell(), Messages.Trust_title, NLS.bind(Messages.Trust_removeConfirm, l.getItem(i)))) {
            return;
        }
        List<String> certificates = new ArrayList<>(p.certificates());
        List<String> keys = new ArrayList<>(p.pgpKeys());
        if (i < certificates.size()) {
            certificates.remove(i);
        } else if (i - certificates.size() < keys.size()) {
            keys.remove(i - certificates.size());
        }
        TrustPolicy changed = new TrustPolicy(certificates, keys, p.allowUnsigned(), p.unsignedRepositories());
        status(Messages.Trust_saving, false);
        Background.run(getShell(), Messages.Trust_saving, m -> {
            model.setTrustPolicy(changed);
            return changed;
        }, saved -> {
            show(saved, false);
            status(Messages.Trust_removed, false);
        }, why -> status(why, true));
    }

    @Override
    protected void okPressed() {
        TrustPolicy p = policy;
        if (p == null || allowUnsigned == null || unsignedRepositories == null) {
            return;
        }
        List<URI> repos = new ArrayList<>();
        for (String line : unsignedRepositories.getText().split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                repos.add(FeaturesModel.parseRepository(line));
            } catch (FeatureException e) {
                status(e.getMessage(), true);
                return;
            }
        }
        TrustPolicy changed = new TrustPolicy(p.certificates(), p.pgpKeys(), allowUnsigned.getSelection(), repos);
        if (changed.equals(p)) {
            super.okPressed();
            return;
        }
        getButton(IDialogConstants.OK_ID).setEnabled(false);
        status(Messages.Trust_saving, false);
        Background.run(getShell(), Messages.Trust_saving, m -> {
            model.setTrustPolicy(changed);
            return changed;
        }, saved -> super.okPressed(), why -> {
            status(why, true);
            enable();
        });
    }

    private void status(@Nullable String text, boolean failure) {
        Label s = status;
        if (s != null && !s.isDisposed()) {
            s.setText(text == null ? "" : text);
            s.setForeground(failure ? Styles.RED : null);
            s.getParent().layout(true, true);
        }
    }
}
