package io.convergence.models.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.convergence.api.point.PointFilter;
import io.convergence.api.point.PointPath;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notes that history was added to the data folder while no model host ran on it ({@code history
 * import}): {@code late-history} beside the checkpoints, one line per import,
 * {@code WRITTEN FROM TO POINT[\tPOINT…]}, tab-separated, times in epoch microseconds. A model that
 * resumes from a checkpoint taken before a note, and reads one of its points, recomputes the note's
 * range; its checkpoint after the recompute is newer than the note, so it does so once.
 */
final class LateHistory {

    static final String FILE = "late-history";
    private static final Logger LOG = LoggerFactory.getLogger(LateHistory.class);

    /** One import: what it added, and when. */
    record Note(long writtenMicros, long fromMicros, long toMicros, List<PointPath> points) {
    }

    private LateHistory() {
    }

    /** The notes written after {@code sinceMicros} about a point that {@code inputs} holds. */
    static List<Note> after(Path folder, long sinceMicros, PointFilter inputs) {
        List<String> lines;
        try {
            lines = Files.readAllLines(folder.resolve(FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("the notes of imported history in {} cannot be read: {}", folder, e.toString());
            return List.of();
        }
        List<Note> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            Note note = parse(line);
            if (note == null) {
                if (!line.isBlank()) {
                    LOG.warn("{}, line {}: not a note of imported history, skipped: {}", folder.resolve(FILE), n, line);
                }
                continue;
            }
            if (note.writtenMicros() > sinceMicros && note.points().stream().anyMatch(inputs::matches)) {
                out.add(note);
            }
        }
        return out;
    }

    private static @Nullable Note parse(String line) {
        String[] f = line.split("\t");
        if (f.length < 4) {
            return null;
        }
        try {
            long written = Long.parseLong(f[0]);
            long from = Long.parseLong(f[1]);
            long to = Long.parseLong(f[2]);
            List<PointPath> points = new ArrayList<>(f.length - 3);
            for (int i = 3; i < f.length; i++) {
                points.add(PointPath.parse(f[i]));
            }
            return from < to ? new Note(written, from, to, points) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
