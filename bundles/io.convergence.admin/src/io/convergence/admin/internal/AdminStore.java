package io.convergence.admin.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AuditVerification;
import io.convergence.admin.FeatureException;
import io.convergence.admin.TrustPolicy;

/**
 * The admin's files beside the product: {@code admin/trust.json}, {@code admin/repositories.json}
 * and the append-only, hash-chained {@code admin/audit.log} (see {@link AuditLog}). Files are
 * replaced atomically, so a crash leaves the old or the new policy, never half of one.
 */
final class AdminStore {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path folder;

    AdminStore(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    TrustPolicy trust() throws FeatureException {
        Path f = folder.resolve("trust.json");
        if (!Files.exists(f)) {
            return TrustPolicy.strict();
        }
        try {
            JsonNode n = JSON.readTree(f.toFile());
            List<URI> repos = new ArrayList<>();
            for (String s : strings(n, "unsignedRepositories")) {
                repos.add(URI.create(s));
            }
            return new TrustPolicy(strings(n, "certificates"), strings(n, "pgpKeys"),
                n.path("allowUnsigned").asBoolean(false), repos);
        } catch (IOException | IllegalArgumentException e) {
            throw new FeatureException(FeatureException.Kind.INVALID,
                f + ": not a trust policy (" + e.getMessage() + "); fix or remove the file");
        }
    }

    void trust(TrustPolicy p) throws FeatureException {
        ObjectNode n = JSON.createObjectNode();
        n.put("allowUnsigned", p.allowUnsigned());
        ArrayNode repos = n.putArray("unsignedRepositories");
        p.unsignedRepositories().forEach(u -> repos.add(u.toString()));
        ArrayNode certs = n.putArray("certificates");
        p.certificates().forEach(certs::add);
        ArrayNode keys = n.putArray("pgpKeys");
        p.pgpKeys().forEach(keys::add);
        write("trust.json", n);
    }

    List<URI> repositories() throws FeatureException {
        Path f = folder.resolve("repositories.json");
        if (!Files.exists(f)) {
            return List.of();
        }
        try {
            List<URI> out = new ArrayList<>();
            for (String s : strings(JSON.readTree(f.toFile()), "repositories")) {
                out.add(URI.create(s));
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            throw new FeatureException(FeatureException.Kind.INVALID,
                f + ": not a repository list (" + e.getMessage() + "); fix or remove the file");
        }
    }

    void repositories(List<URI> repos) throws FeatureException {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode a = n.putArray("repositories");
        repos.forEach(u -> a.add(u.toString()));
        write("repositories.json", n);
    }

    void audit(AuditEntry e) {
        try {
            Files.createDirectories(folder);
            new AuditLog(folder).append(e);
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot write the audit log in " + folder + ": " + ex.getMessage(), ex);
        }
    }

    List<AuditEntry> audit() throws FeatureException {
        return new AuditLog(folder).read();
    }

    AuditVerification verifyAudit() throws FeatureException {
        return new AuditLog(folder).verify();
    }

    /**
     * Reads the policy, applies the edit and writes the result while holding the policy's lock, so
     * that concurrent edits (threads, or the command line beside a running product) are all kept.
     *
     * @return the policy before and after
     */
    TrustPolicy[] editTrust(UnaryOperator<TrustPolicy> edit) throws FeatureException {
        try (FileMutex m = FileMutex.acquire(folder.resolve(".trust.lock"))) {
            TrustPolicy before = trust();
            TrustPolicy after = edit.apply(before);
            trust(after);
            return new TrustPolicy[] {before, after};
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot lock the trust policy in " + folder + ": "
                + e.getMessage(), e);
        }
    }

    private void write(String name, JsonNode n) throws FeatureException {
        try {
            Files.createDirectories(folder);
            Path tmp = Files.createTempFile(folder, name, ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
            try {
                Files.move(tmp, folder.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, folder.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot write " + folder.resolve(name) + ": "
                + e.getMessage(), e);
        }
    }

    private static List<String> strings(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        n.path(field).forEach(e -> out.add(e.asText()));
        return out;
    }
}
