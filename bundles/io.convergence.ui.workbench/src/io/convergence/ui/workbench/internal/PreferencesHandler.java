package io.convergence.ui.workbench.internal;

import io.convergence.ui.workbench.preferences.WorkbenchPreferences;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.jface.preference.PreferenceManager;
import org.eclipse.jface.preference.PreferenceNode;
import org.eclipse.swt.widgets.Shell;

import jakarta.inject.Named;

/** Window &gt; Preferences. */
public final class PreferencesHandler {

    @Execute
    public void execute(@Named("activeShell") Shell shell) {
        PreferenceManager manager = new PreferenceManager();
        manager.addToRoot(new PreferenceNode("general", new GeneralPreferencePage()));
        PreferenceDialog dialog = new PreferenceDialog(shell, manager);
        dialog.setPreferenceStore(WorkbenchPreferences.store());
        dialog.open();
    }
}
