package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;

/**
 * The workspace's configuration folder, written so that a file is always either its old or its
 * new content: a temporary file next to it, then a rename. Every change can be undone, so that a
 * file the runtime refused never stays behind.
 */
public final class ConfigFileStore {

    /** The temporary files end like this, so that the workbench's {@code *.json} never applies one. */
    static final String TEMP_SUFFIX = ".tmp";

    private final Path dir;

    /** @param dir the folder, {@code <workspace>/config}; created on first write */
    public ConfigFileStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    public Path dir() {
        return dir;
    }

    /** The file of a connection: {@code <dir>/<id>.json}. */
    public Path fileFor(String id) {
        return dir.resolve(id + ".json");
    }

    /** Whether a configuration source (as ConfigurationService names it) is a file of this folder. */
    public boolean holds(@Nullable String source) {
        if (source == null || !source.endsWith(".json")) {
            return false;
        }
        try {
            Path p = Path.of(source).toAbsolutePath().normalize();
            return dir.equals(p.getParent());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * Whether a configuration source names this file. The workbench names a file by its absolute
     * path as it found it, which need not be normalized.
     */
    public static boolean sameFile(@Nullable String source, Path file) {
        if (source == null) {
            return false;
        }
        try {
            return Path.of(source).toAbsolutePath().normalize().equals(file.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Writes a file atomically; the change can be undone with {@link Change#undo()}. */
    public Change write(Path file, String content) throws IOException {
        byte[] previous = read(file);
        Files.createDirectories(file.getParent());
        writeAtomically(file, content.getBytes(StandardCharsets.UTF_8));
        return new Change(file, previous);
    }

    /** Deletes a file; the change can be undone with {@link Change#undo()}. */
    public Change delete(Path file) throws IOException {
        byte[] previous = read(file);
        Files.deleteIfExists(file);
        return new Change(file, previous);
    }

    /** One change of one file, and how to put the file back as it was. */
    public static final class Change {
        private final Path file;
        private final byte @Nullable [] previous;

        Change(Path file, byte @Nullable [] previous) {
            this.file = file;
            this.previous = previous;
        }

        public Path file() {
            return file;
        }

        /** Whether the file existed before the change. */
        public boolean replacedExisting() {
            return previous != null;
        }

        /** Puts the previous content back, or removes the file if there was none. */
        public void undo() throws IOException {
            if (previous == null) {
                Files.deleteIfExists(file);
            } else {
                writeAtomically(file, previous);
            }
        }
    }

    private static byte @Nullable [] read(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), TEMP_SUFFIX);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
