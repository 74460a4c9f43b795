package io.convergence.ui.workbench.internal;

import io.convergence.ui.workbench.preferences.WorkbenchPreferences;

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
