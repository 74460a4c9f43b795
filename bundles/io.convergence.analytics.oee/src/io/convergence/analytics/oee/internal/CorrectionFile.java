package io.convergence.analytics.oee.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.convergence.analytics.oee.core.Corrections;
import io.convergence.api.point.Micros;

/**
 * An OEE model's corrections on disk: {@code models/ID.corrections} next to the model host's
 * checkpoints in the historian's data folder, so they live and die with the data they correct. One
 * line per correction, in the order they were made:
 * <pre>
 * reassign 2026-11-04T09:12:03Z 3
 * split 2026-11-04T09:12:03Z 2026-11-04T09:20:00Z 2
 * </pre>
 * Written to a temporary file, forced and renamed over the old one.
 */
final class CorrectionFile {

    private CorrectionFile() {
    }

    static Path of(Path dataDir, String modelId) {
        return dataDir.resolve("models").resolve(modelId.replaceAll("[^A-Za-z0-9._-]", "_") + ".corrections");
    }

    /**
     * @throws IOException naming the line that cannot be read
     */
    static Corrections read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Corrections.NONE;
        }
        List<Corrections.Entry> entries = new ArrayList<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String[] f = line.strip().split("\\s+");
            if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) {
                continue;
            }
            try {
                if (f[0].equals("reassign") && f.length == 3) {
                    entries.add(new Corrections.Entry(micros(f[1]), Long.MIN_VALUE, f[2]));
                } else if (f[0].equals("split") && f.length == 4) {
                    entries.add(new Corrections.Entry(micros(f[1]), micros(f[2]), f[3]));
                } else {
                    throw new IOException(file + ":" + n + ": not 'reassign START CODE' or 'split START AT CODE'");
                }
            } catch (DateTimeParseException e) {
                throw new IOException(file + ":" + n + ": " + e.getMessage(), e);
            }
        }
        return new Corrections(entries);
    }

    static void write(Path file, Corrections c) throws IOException {
        StringBuilder b = new StringBuilder("# Operator's corrections of stops (OEE model); applied by recomputing.\n");
        for (Corrections.Entry e : c.entries()) {
            if (e.isSplit()) {
                b.append("split ").append(Micros.toInstant(e.stopStart())).append(' ').append(Micros.toInstant(e.splitAt()));
            } else {
                b.append("reassign ").append(Micros.toInstant(e.stopStart()));
            }
            b.append(' ').append(e.reason()).append('\n');
        }
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(java.nio.ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static long micros(String iso) {
        return Micros.of(Instant.parse(iso));
    }
}
