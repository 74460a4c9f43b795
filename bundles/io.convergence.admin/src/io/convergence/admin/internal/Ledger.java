package io.convergence.admin.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.FeatureException;

/**
 * {@code admin/admitted.json}: what the trust policy admitted into this installation, so that a
 * revert, which takes content from the bundle pool rather than from a repository, can be checked
 * too. For each artifact: the {@link ContentHash} of what was admitted, why (signed, unsigned from a repository
 * the admin allowed, or shipped with the product) and from where; for each unit whose touchpoint
 * instructions needed trust: a hash of those instructions and the repository that vouched for them.
 * A pool file that is not the file admitted, or whose admission the policy no longer grants, is refused.
 * What p2 removes from the pool on uninstall (features, which it keeps unpacked) a revert fetches
 * again from the repository recorded here, and it must be the very content admitted.
 */
final class Ledger {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One admission.
     *
     * @param sha256 the content admitted (a file's or instructions' hash)
     * @param basis {@code product}, {@code signed}, {@code unsigned} or {@code repository}
     * @param source the repository it came from, or the signer; empty for the product
     * @param repository the leaf repository the content was downloaded from; empty when unknown
     */
    record Entry(String sha256, String basis, String source, String repository) {
        Entry(String sha256, String basis, String source) {
            this(sha256, basis, source, "");
        }
    }

    private final Path file;
    private final boolean existed;
    private final Map<String, Entry> artifacts = new TreeMap<>();
    private final Map<String, Entry> units = new TreeMap<>();

    private Ledger(Path file, boolean existed) {
        this.file = file;
        this.existed = existed;
    }

    static Ledger load(Path adminFolder) throws FeatureException {
        Path f = adminFolder.resolve("admitted.json");
        Ledger l = new Ledger(f, Files.exists(f));
        if (!l.existed) {
            return l;
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            read(n.path("artifacts"), l.artifacts);
            read(n.path("units"), l.units);
        } catch (IOException | RuntimeException e) {
            throw new FeatureException(FeatureException.Kind.INVALID, f + ": not a record of admitted content ("
                + e.getMessage() + "); restore it from a backup, or remove it to trust the bundle pool as it is now");
        }
        return l;
    }

    private static void read(JsonNode n, Map<String, Entry> into) {
        n.fields().forEachRemaining(e -> into.put(e.getKey(), new Entry(e.getValue().path("sha256").asText(),
            e.getValue().path("basis").asText(), e.getValue().path("source").asText(), e.getValue().path("repository").asText())));
    }

    /** Whether the file existed: an installation without one has its product content recorded first. */
    boolean existed() {
        return existed;
    }

    static String key(IArtifactKey k) {
        return k.getClassifier() + "/" + k.getId() + "/" + k.getVersion();
    }

    @Nullable Entry artifact(IArtifactKey k) {
        return artifacts.get(key(k));
    }

    void artifact(IArtifactKey k, Entry e) {
        artifacts.put(key(k), e);
    }

    @Nullable Entry unit(String id, String version) {
        return units.get(id + " " + version);
    }

    void unit(String id, String version, Entry e) {
        units.put(id + " " + version, e);
    }

    void save() throws FeatureException {
        ObjectNode n = JSON.createObjectNode();
        write(n.putObject("artifacts"), artifacts);
        write(n.putObject("units"), units);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "admitted", ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static void write(ObjectNode into, Map<String, Entry> from) {
        from.forEach((k, e) -> {
            ObjectNode o = into.putObject(k);
            o.put("sha256", e.sha256());
            o.put("basis", e.basis());
            o.put("source", e.source());
            if (!e.repository().isEmpty()) {
                o.put("repository", e.repository());
            }
        });
    }
}
