package io.convergence.runtime.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Every file and folder under a root with its size and modification time (to the nanosecond, as the
 * file system keeps it): "nothing changed" made checkable. Any write changes the modification time.
 */
record FolderState(Map<String, String> entries) {

    static FolderState of(Path root) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(root)) {
            return new FolderState(entries);
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String key = root.relativize(p).toString();
                if (Files.isDirectory(p)) {
                    entries.put(key + "/", "folder");
                } else {
                    entries.put(key, Files.size(p) + " " + Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new FolderState(entries);
    }

    /** What differs from an earlier state, for a message; empty when nothing does. */
    String differenceFrom(FolderState before) {
        StringBuilder b = new StringBuilder();
        for (var e : entries.entrySet()) {
            String was = before.entries.get(e.getKey());
            if (was == null) {
                b.append("created ").append(e.getKey()).append("; ");
            } else if (!was.equals(e.getValue())) {
                b.append("changed ").append(e.getKey()).append("; ");
            }
        }
        for (String k : before.entries.keySet()) {
            if (!entries.containsKey(k)) {
                b.append("deleted ").append(k).append("; ");
            }
        }
        return b.toString();
    }
}
