package io.convergence.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;

import io.convergence.api.point.PointPath;

/**
 * The note that history was added to a data folder while no model host ran on it: one line per
 * import in {@code models/late-history}, {@code WRITTEN FROM TO POINT[\tPOINT…]} (times in epoch
 * microseconds, separated by tabs). The model host reads it when a model resumes there (ADR 17):
 * each model that reads one of the points and whose checkpoint is older than the note recomputes
 * {@code [FROM, TO)}.
 */
final class LateHistoryNote {

    static final String FILE = "late-history";

    private LateHistoryNote() {
    }

    /** Appends one note, whole lines only (one write per note). Returns the file. */
    static Path append(Path dataDir, long writtenMicros, long from, long to, List<PointPath> points)
        throws IOException {
        Path dir = dataDir.resolve("models");
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE);
        String line = writtenMicros + "\t" + from + "\t" + to + "\t"
            + points.stream().map(PointPath::toString).collect(Collectors.joining("\t")) + "\n";
        Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
            StandardOpenOption.WRITE);
        return file;
    }
}
