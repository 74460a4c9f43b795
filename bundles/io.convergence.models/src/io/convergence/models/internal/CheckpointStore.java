package io.convergence.models.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.CRC32;

import io.convergence.api.point.PointPath;

/**
 * Checkpoints on disk, one file per model in a folder of their own (by default {@code models/} in
 * the historian's data folder, so they live and die with the data they describe).
 *
 * <p>A file is written whole to a temporary file, forced to disk, renamed over the previous one
 * (atomically) and the folder is forced too: after a crash there is the old checkpoint or the new
 * one, never half of one. A CRC-32 over the content catches a file damaged afterwards; such a file
 * is reported, never read in part.
 */
final class CheckpointStore {

    static final String SUFFIX = ".checkpoint";
    private static final int MAGIC = 0x43574D43; // "CWMC"
    private static final int VERSION = 1;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    private final Path dir;

    CheckpointStore(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    Path folder() {
        return dir;
    }

    /** The file of a model: its id with every character outside {@code [A-Za-z0-9_-]} escaped. */
    Path file(String modelId) {
        StringBuilder b = new StringBuilder();
        for (byte x : modelId.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return dir.resolve(b + SUFFIX);
    }

    /**
     * The model's checkpoint, or empty when it has none.
     *
     * @throws CheckpointException if the file exists but cannot be read or is not a whole checkpoint
     *     of this model
     */
    Optional<Checkpoint> load(String modelId) throws CheckpointException {
        Path f = file(modelId);
        byte[] data;
        try {
            data = Files.readAllBytes(f);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CheckpointException("checkpoint " + f + " cannot be read (" + e + ")", e);
        }
        return Optional.of(decode(f, modelId, data));
    }

    /** Writes a checkpoint atomically: the previous one stays whole until the new one is on disk. */
    void save(String modelId, Checkpoint c) throws IOException {
        Files.createDirectories(dir);
        Path f = file(modelId);
        Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
        byte[] data = encode(modelId, c);
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buf = ByteBuffer.wrap(data);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the file system of " + dir + " cannot rename atomically; checkpoints need it", e);
        }
        syncFolder();
    }

    /**
     * Moves an unusable checkpoint out of the way, keeping it for whoever wants to look at it.
     *
     * @return where it went
     */
    Path setAside(String modelId) throws IOException {
        Path f = file(modelId);
        Path kept = f.resolveSibling(f.getFileName() + ".unreadable-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP));
        Files.move(f, kept, StandardCopyOption.REPLACE_EXISTING);
        return kept;
    }

    private void syncFolder() throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Some file systems do not open folders; the rename is still atomic there.
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }

    static byte[] encode(String modelId, Checkpoint c) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + c.state().length);
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeUTF(modelId);
            out.writeLong(c.takenAt());
            out.writeLong(c.origin());
            out.writeLong(c.outputsFrom());
            out.writeInt(c.watermarks().size());
            for (Map.Entry<PointPath, Long> e : c.watermarks().entrySet()) {
                out.writeUTF(e.getKey().toString());
                out.writeLong(e.getValue());
            }
            out.writeInt(c.state().length);
            out.write(c.state());
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
    }

    static Checkpoint decode(Path f, String modelId, byte[] data) throws CheckpointException {
        if (data.length < 12) {
            throw new CheckpointException("checkpoint " + f + " is not a checkpoint (" + data.length + " bytes)");
        }
        CRC32 crc = new CRC32();
        crc.update(data, 0, data.length - 4);
        int stored = ByteBuffer.wrap(data, data.length - 4, 4).getInt();
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 0, data.length - 4))) {
            if (in.readInt() != MAGIC) {
                throw new CheckpointException("checkpoint " + f + " is not a checkpoint (wrong header)");
            }
            int version = in.readInt();
            if (version > VERSION) {
                throw new CheckpointException("checkpoint " + f + " was written by a newer version (format " + version
                    + ", this one reads " + VERSION + ")");
            }
            if (stored != (int) crc.getValue()) {
                throw new CheckpointException("checkpoint " + f + " is damaged (checksum mismatch)");
            }
            String id = in.readUTF();
            if (!id.equals(modelId)) {
                throw new CheckpointException("checkpoint " + f + " belongs to model '" + id + "', not '" + modelId + "'");
            }
            long takenAt = in.readLong();
            long origin = in.readLong();
            long outputsFrom = in.readLong();
            int n = in.readInt();
            if (n < 0) {
                throw new CheckpointException("checkpoint " + f + " is damaged (" + n + " watermarks)");
            }
            Map<PointPath, Long> marks = new HashMap<>();
            for (int i = 0; i < n; i++) {
                marks.put(PointPath.parse(in.readUTF()), in.readLong());
            }
            int len = in.readInt();
            if (len < 0 || len > in.available()) {
                throw new CheckpointException("checkpoint " + f + " is damaged (state of " + len + " bytes)");
            }
            byte[] state = in.readNBytes(len);
            return new Checkpoint(takenAt, origin, outputsFrom, marks, state);
        } catch (EOFException e) {
            throw new CheckpointException("checkpoint " + f + " is cut short", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new CheckpointException("checkpoint " + f + " is damaged (" + e.getMessage() + ")", e);
        }
    }
}
