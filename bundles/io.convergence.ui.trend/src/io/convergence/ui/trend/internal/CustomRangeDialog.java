package io.convergence.ui.trend.internal;

import java.time.ZoneId;

import io.convergence.ui.trend.internal.model.Messages;
import io.convergence.ui.trend.internal.model.TimeFormats;
import io.convergence.ui.trend.internal.model.TimeWindow;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

/** Asks for a fixed time range, from and to in local time. */
final class CustomRangeDialog extends TitleAreaDialog {

    private final ZoneId zone = ZoneId.systemDefault();
    private final TimeWindow initial;
    private @Nullable TimeWindow result;
    private @Nullable Text from;
    private @Nullable Text to;

    CustomRangeDialog(Shell parent, TimeWindow initial) {
        super(parent);
        this.initial = initial;
    }

    /** The range entered, once closed with OK. */
    @Nullable TimeWindow result() {
        return result;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(Messages.customTitle);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(Messages.customTitle);
        setMessage(Messages.customMessage);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(c);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(10, 10).applyTo(c);
        from = field(c, Messages.customFrom, initial.from());
        to = field(c, Messages.customTo, initial.to());
        return area;
    }

    private Text field(Composite c, String label, long value) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setText(TimeFormats.format(value, zone));
        GridDataFactory.fillDefaults().grab(true, false).hint(220, SWT.DEFAULT).applyTo(t);
        t.addModifyListener(e -> validate());
        return t;
    }

    private @Nullable TimeWindow parse() {
        Text f = from;
        Text t = to;
        if (f == null || t == null) {
            return null;
        }
        Long a = TimeFormats.parse(f.getText(), zone);
        Long b = TimeFormats.parse(t.getText(), zone);
        return a == null || b == null || b <= a ? null : new TimeWindow(a, b);
    }

    private void validate() {
        boolean ok = parse() != null;
        setErrorMessage(ok ? null : Messages.customInvalid);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(ok);
        }
    }

    @Override
    protected void okPressed() {
        result = parse();
        if (result != null) {
            super.okPressed();
        }
    }
}
