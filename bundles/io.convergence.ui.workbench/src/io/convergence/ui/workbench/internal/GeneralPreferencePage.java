package io.convergence.ui.workbench.internal;

import org.eclipse.jface.preference.BooleanFieldEditor;
import org.eclipse.jface.preference.FieldEditorPreferencePage;
import org.eclipse.jface.preference.IntegerFieldEditor;

/** General settings of the workbench. */
final class GeneralPreferencePage extends FieldEditorPreferencePage {

    GeneralPreferencePage() {
        super("General", GRID);
        setDescription("How the workbench shows live data.");
    }

    @Override
    protected void createFieldEditors() {
        IntegerFieldEditor refresh = new IntegerFieldEditor(WorkbenchPreferences.REFRESH_MS,
            "Redraw live values every (ms):", getFieldEditorParent());
        refresh.setValidRange(50, 5000);
        addField(refresh);
        IntegerFieldEditor minutes = new IntegerFieldEditor(WorkbenchPreferences.TREND_MINUTES,
            "New trends show the last (minutes):", getFieldEditorParent());
        minutes.setValidRange(1, 7 * 24 * 60);
        addField(minutes);
        addField(new BooleanFieldEditor(WorkbenchPreferences.HIGHLIGHT_BAD, "Show bad-quality values in red",
            getFieldEditorParent()));
    }

    @Override
    public boolean performOk() {
        boolean ok = super.performOk();
        try {
            WorkbenchPreferences.store().save();
        } catch (java.io.IOException e) {
            setErrorMessage("Cannot save the preferences: " + e.getMessage());
            return false;
        }
        return ok;
    }
}
