package io.convergence.ui.workbench.preferences;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.jface.preference.PreferenceStore;
import org.jspecify.annotations.Nullable;

/** The workbench's preferences, kept in the workspace folder (preferences.properties). */
public final class WorkbenchPreferences {

    /** How often views redraw live values, in milliseconds. */
    public static final String REFRESH_MS = "refreshMs";

    private static @Nullable PreferenceStore store;

    private WorkbenchPreferences() {
    }

    /** How often views redraw live values, in milliseconds (50 to 5000). */
    public static int refreshMs() {
        return Math.max(50, Math.min(5000, store().getInt(REFRESH_MS)));
    }

    /** The store, loaded once from the workspace. */
    public static synchronized PreferenceStore store() {
        if (store == null) {
            Path file = Path.of(System.getProperty("convergence.workspace", System.getProperty("user.home")
                + "/.convergence/workspace"), "preferences.properties");
            PreferenceStore s = new PreferenceStore(file.toString());
            s.setDefault(REFRESH_MS, 250);
            try {
                if (Files.exists(file)) {
                    s.load();
                } else {
                    Files.createDirectories(file.getParent());
                }
            } catch (IOException e) {
                // defaults stay in force; the dialog says so when saving fails
            }
            store = s;
        }
        return store;
    }
}
