package io.convergence.ui.connections.internal;

import org.jspecify.annotations.Nullable;

/**
 * What saving a connection did.
 *
 * @param saved whether the file was written and applied
 * @param problems why not, by field; empty when saved
 * @param file the connection's file
 * @param note something the user should know although it was saved (an old file left behind, ...); may be empty
 */
public record SaveResult(boolean saved, FormProblems problems, @Nullable java.nio.file.Path file, String note) {

    static SaveResult refused(FormProblems problems) {
        return new SaveResult(false, problems, null, "");
    }
}
