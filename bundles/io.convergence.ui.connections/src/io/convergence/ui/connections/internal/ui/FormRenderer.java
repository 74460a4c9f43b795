package io.convergence.ui.connections.internal.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import io.convergence.ui.connections.internal.FormField;
import io.convergence.ui.connections.internal.FormModel;

import org.eclipse.jface.fieldassist.ControlDecoration;
import org.eclipse.jface.fieldassist.FieldDecorationRegistry;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.jspecify.annotations.Nullable;

/**
 * Renders a {@link FormModel} as a two-column form: the label (required ones marked with *), then
 * the control with the MetaType description under it as help, and the field's problem in red
 * with an error decoration. Every edit goes straight into the model.
 */
final class FormRenderer {

    static final int FIELD_WIDTH = 380;
    private static final Color ERROR = new Color(0xc6, 0x28, 0x28);

    private final FormModel model;
    private final Composite body;
    private final Runnable changed;
    private final Font small;
    private final Map<String, Row> rows = new LinkedHashMap<>();

    /** The widgets of one field. */
    private record Row(FormField field, Label label, Control control, Label error, ControlDecoration decoration) {
    }

    FormRenderer(Composite parent, FormModel model, Runnable changed) {
        this.model = model;
        this.changed = changed;
        body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(8, 8).spacing(12, 6).applyTo(body);
        FontData[] fd = JFaceResources.getDefaultFont().getFontData();
        for (FontData d : fd) {
            d.setHeight(Math.max(7, d.getHeight() - 1));
        }
        small = new Font(parent.getDisplay(), fd);
        body.addDisposeListener(e -> small.dispose());
        for (FormField f : model.fields()) {
            rows.put(f.id(), row(f));
        }
        showProblems();
    }

    Composite control() {
        return body;
    }

    private Row row(FormField f) {
        Label label = new Label(body, SWT.NONE);
        label.setText(f.label() + (f.required() ? " *" : ""));
        label.setToolTipText(f.description().isEmpty() ? f.id() : f.description() + "\n(" + f.id() + ")");
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).indent(0, 4).applyTo(label);

        Composite cell = new Composite(body, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(0, 0).extendedMargins(10, 0, 0, 0).spacing(0, 2).applyTo(cell);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(cell);
        Control c = input(cell, f);
        if (!f.description().isEmpty()) {
            c.setToolTipText(f.description());
        }
        GridDataFactory.fillDefaults().grab(true, false).hint(f.widget() == FormField.Widget.CHECKBOX ? SWT.DEFAULT : FIELD_WIDTH,
            SWT.DEFAULT).applyTo(c);
        if (!f.description().isEmpty() || f.array()) {
            Label help = new Label(cell, SWT.WRAP);
            help.setText(f.description() + (f.array() ? (f.description().isEmpty() ? "" : " ") + "Separate values with commas." : ""));
            help.setFont(small);
            help.setForeground(body.getDisplay().getSystemColor(SWT.COLOR_DARK_GRAY));
            GridDataFactory.fillDefaults().grab(true, false).hint(FIELD_WIDTH, SWT.DEFAULT).applyTo(help);
        }
        Label error = new Label(cell, SWT.WRAP);
        error.setForeground(ERROR);
        GridDataFactory.fillDefaults().grab(true, false).hint(FIELD_WIDTH, SWT.DEFAULT).exclude(true).applyTo(error);
        error.setVisible(false);
        ControlDecoration deco = new ControlDecoration(c, SWT.LEFT | SWT.TOP, cell);
        deco.setImage(FieldDecorationRegistry.getDefault().getFieldDecoration(FieldDecorationRegistry.DEC_ERROR).getImage());
        deco.hide();
        return new Row(f, label, c, error, deco);
    }

    private Control input(Composite cell, FormField f) {
        String value = model.value(f.id());
        return switch (f.widget()) {
            case CHECKBOX -> {
                Button b = new Button(cell, SWT.CHECK);
                b.setSelection(Boolean.parseBoolean(value));
                b.addListener(SWT.Selection, e -> edited(f, Boolean.toString(b.getSelection())));
                yield b;
            }
            case CHOICE -> {
                Combo combo = new Combo(cell, SWT.READ_ONLY | SWT.DROP_DOWN);
                for (FormField.Option o : f.options()) {
                    combo.add(o.label());
                    combo.setData(o.label(), o.value());
                }
                String label = f.optionLabel(value);
                if (combo.indexOf(label) < 0) {
                    // A value from a file that MetaType does not list: show it, the check will say why not.
                    combo.add(label);
                    combo.setData(label, value);
                }
                combo.select(combo.indexOf(label));
                combo.addListener(SWT.Selection, e -> edited(f, (String) combo.getData(combo.getText())));
                yield combo;
            }
            default -> {
                int style = SWT.BORDER | SWT.SINGLE | (f.widget() == FormField.Widget.PASSWORD ? SWT.PASSWORD : 0);
                Text t = new Text(cell, style);
                t.setText(value);
                if (!f.defaultValue().isEmpty()) {
                    t.setMessage("default: " + f.defaultValue());
                } else if (!f.required()) {
                    t.setMessage("optional");
                }
                t.addModifyListener(e -> edited(f, t.getText()));
                yield t;
            }
        };
    }

    private void edited(FormField f, String text) {
        model.set(f.id(), text);
        // A problem the runtime reported stays until the next save; a live one follows the typing.
        String reported = model.problems().byField().get(f.id());
        String live = model.liveProblem(f.id());
        show(rows.get(f.id()), live != null ? live : reported);
        changed.run();
    }

    /** Shows the model's problems at their fields, and hides the others. */
    void showProblems() {
        for (Row r : rows.values()) {
            show(r, model.problems().byField().get(r.field().id()));
        }
        body.layout(true, true);
    }

    private void show(@Nullable Row r, @Nullable String message) {
        if (r == null || r.control().isDisposed()) {
            return;
        }
        boolean has = message != null && !message.isEmpty();
        r.error().setText(has ? message : "");
        r.error().setVisible(has);
        ((org.eclipse.swt.layout.GridData) r.error().getLayoutData()).exclude = !has;
        r.label().setForeground(has ? ERROR : null);
        if (has) {
            r.decoration().setDescriptionText(message);
            r.decoration().show();
        } else {
            r.decoration().hide();
        }
        r.error().getParent().layout(true, true);
        body.layout(true, true);
    }

    /** Sets a field as if the user typed or chose it; for CHOICE, the option value. */
    void set(String id, String value) {
        Row r = rows.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no field " + id);
        }
        if (r.control() instanceof Text t) {
            t.setText(value);
        } else if (r.control() instanceof Button b) {
            b.setSelection(Boolean.parseBoolean(value));
            edited(r.field(), Boolean.toString(b.getSelection()));
        } else if (r.control() instanceof Combo c) {
            String label = r.field().optionLabel(value);
            if (c.indexOf(label) < 0) {
                c.add(label);
                c.setData(label, value);
            }
            c.select(c.indexOf(label));
            edited(r.field(), value);
        }
    }

    @Nullable Control controlOf(String id) {
        Row r = rows.get(id);
        return r == null ? null : r.control();
    }

    /** The first field showing a problem, to scroll to. */
    @Nullable Control firstProblem() {
        for (Row r : rows.values()) {
            if (r.error().getVisible()) {
                return r.label();
            }
        }
        return null;
    }

    void setEnabled(boolean enabled) {
        for (Row r : rows.values()) {
            r.control().setEnabled(enabled);
        }
    }
}
