/** The workbench's preferences (Window &gt; Preferences), which views read. */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.jspecify.annotations.NullMarked
package io.convergence.ui.workbench.preferences;
