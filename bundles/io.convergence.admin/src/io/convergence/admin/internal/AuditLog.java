package io.convergence.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AuditVerification;
import io.convergence.admin.FeatureException;

/**
 * {@code admin/audit.log}: one JSON object a line, appended and synced, each carrying in {@code prev}
 * the SHA-256 of the line before it (zeros for the first), and {@code admin/audit.head} holding the
 * number of lines and the hash of the last, replaced atomically after each append. An edited line
 * breaks the chain at the next line; a removed or edited last line disagrees with the head.
 * Appends are serialized across threads and processes. A line cut short by a crash is terminated
 * by the next append and stays in the chain; readers skip it.
 */
final class AuditLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String ZERO = "0".repeat(64);

    private final Path folder;

    AuditLog(Path folder) {
        this.folder = folder;
    }

    private Path file() {
        return folder.resolve("audit.log");
    }

    private Path head() {
        return folder.resolve("audit.head");
    }

    void append(AuditEntry e) throws IOException {
        try (FileMutex m = FileMutex.acquire(folder.resolve(".audit.lock"))) {
            byte[] all = Files.exists(file()) ? Files.readAllBytes(file()) : new byte[0];
            List<byte[]> lines = lines(all);
            boolean torn = all.length > 0 && all[all.length - 1] != '\n';
            String prev = lines.isEmpty() ? ZERO : sha256(lines.get(lines.size() - 1));
            ObjectNode n = JSON.createObjectNode();
            n.put("time", e.time().toString());
            n.put("user", e.user());
            n.put("action", e.action());
            n.put("source", e.source());
            n.put("result", e.result());
            n.put("detail", e.detail());
            n.put("prev", prev);
            byte[] line = JSON.writeValueAsString(n).getBytes(StandardCharsets.UTF_8);
            byte[] out = new byte[(torn ? 1 : 0) + line.length + 1];
            if (torn) {
                out[0] = '\n';
            }
            System.arraycopy(line, 0, out, torn ? 1 : 0, line.length);
            out[out.length - 1] = '\n';
            Files.write(file(), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
            ObjectNode h = JSON.createObjectNode();
            h.put("lines", lines.size() + 1);
            h.put("last", sha256(line));
            Path tmp = Files.createTempFile(folder, "audit.head", ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(h) + "\n", StandardCharsets.UTF_8, StandardOpenOption.SYNC);
            try {
                Files.move(tmp, head(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException x) {
                Files.move(tmp, head(), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    List<AuditEntry> read() throws FeatureException {
        List<AuditEntry> out = new ArrayList<>();
        for (byte[] raw : lines(bytes())) {
            AuditEntry e = parse(raw);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    AuditVerification verify() throws FeatureException {
        byte[] all = bytes();
        List<byte[]> lines = lines(all);
        boolean endsClean = all.length == 0 || all[all.length - 1] == '\n';
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int entries = 0;
        int legacy = 0;
        boolean chained = false;
        for (int i = 0; i < lines.size(); i++) {
            int n = i + 1;
            byte[] raw = lines.get(i);
            JsonNode node = json(raw);
            if (node == null || parse(raw) == null) {
                notes.add(n == lines.size() && !endsClean
                    ? "line " + n + " is incomplete: the writer stopped while writing it; it is not an entry"
                    : "line " + n + " is not an entry (a write cut short, or an edit; the chain says which)");
                continue;
            }
            entries++;
            String prev = node.path("prev").asText("");
            if (prev.isEmpty()) {
                if (chained) {
                    problems.add("line " + n + " carries no chain hash: it was not written by feature management");
                } else {
                    legacy++;
                }
                continue;
            }
            chained = true;
            String expected = i == 0 ? ZERO : sha256(lines.get(i - 1));
            if (!prev.equals(expected)) {
                problems.add(i == 0 ? "line 1 does not start the chain: lines were removed from the start of the log"
                    : "line " + i + " was changed, or lines were removed or inserted before line " + n
                        + " (its chain hash does not match line " + i + ")");
            }
        }
        if (legacy > 0) {
            notes.add("lines 1 to " + legacy + " were written before entries were chained; they cannot be checked");
        }
        checkHead(lines, endsClean, problems, notes);
        return new AuditVerification(entries, problems, notes);
    }

    private void checkHead(List<byte[]> lines, boolean endsClean, List<String> problems, List<String> notes)
        throws FeatureException {
        if (!Files.exists(head())) {
            if (lines.stream().anyMatch(l -> json(l) != null && !json(l).path("prev").asText("").isEmpty())) {
                problems.add(head() + " is missing: the end of the log cannot be checked");
            }
            return;
        }
        JsonNode h;
        try {
            h = JSON.readTree(head().toFile());
        } catch (IOException e) {
            problems.add(head() + " cannot be read (" + e.getMessage() + "): the end of the log cannot be checked");
            return;
        }
        int sealed = h.path("lines").asInt(-1);
        String last = h.path("last").asText("");
        int complete = endsClean ? lines.size() : lines.size() - 1;
        if (complete < sealed) {
            problems.add("the log ends at line " + complete + " but was sealed at line " + sealed
                + ": lines were removed from its end");
        } else if (complete > sealed) {
            problems.add("lines " + (sealed + 1) + " to " + complete + " come after the sealed end (line " + sealed
                + "): they were added by hand, or the log was replaced");
        } else if (sealed > 0 && !sha256(lines.get(sealed - 1)).equals(last)) {
            problems.add("line " + sealed + " (the last) was changed since it was written");
        }
    }

    private byte[] bytes() throws FeatureException {
        try {
            return Files.exists(file()) ? Files.readAllBytes(file()) : new byte[0];
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot read " + file() + ": " + e.getMessage(), e);
        }
    }

    private static @Nullable JsonNode json(byte[] raw) {
        try {
            JsonNode n = JSON.readTree(raw);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static @Nullable AuditEntry parse(byte[] raw) {
        JsonNode n = json(raw);
        if (n == null) {
            return null;
        }
        try {
            return new AuditEntry(Instant.parse(n.path("time").asText()), n.path("user").asText(), n.path("action").asText(),
                n.path("source").asText(), n.path("result").asText(), n.path("detail").asText());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The lines of the file, without their newlines; a last line without one is included. */
    static List<byte[]> lines(byte[] all) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                out.add(java.util.Arrays.copyOfRange(all, start, i));
                start = i + 1;
            }
        }
        if (start < all.length) {
            out.add(java.util.Arrays.copyOfRange(all, start, all.length));
        }
        return out;
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
