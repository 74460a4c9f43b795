package io.convergence.admin.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.jspecify.annotations.Nullable;

/**
 * Metadata signed by a publisher: a repository's {@code content.jar} signed with {@code jarsigner}
 * by a certificate the policy trusts vouches for the units it holds, instruction for instruction.
 * The jar is downloaded once per change, verified like any artifact, and read from that verified
 * copy; a unit is vouched for only if the copy holds it with the very same instructions as the unit
 * the plan installs.
 */
final class SignedIndex implements AutoCloseable {

    /** A leaf's verified index: the publisher who signed it and the units it holds. */
    private record Signed(String signer, String anchor, IMetadataRepository units) {
    }

    private final P2Session session;
    private final TrustRoots roots;
    private final Path scratch;
    private final Map<String, Optional<Signed>> leaves = new HashMap<>();

    SignedIndex(P2Session session, TrustRoots roots, Path scratch) {
        this.session = session;
        this.roots = roots;
        this.scratch = scratch;
    }

    /**
     * Who vouches for the unit as the leaf's signed index holds it: the signer's name and the
     * fingerprint of the policy's anchor it chains to; null when nobody the policy trusts does.
     */
    String @Nullable [] vouches(URI leaf, IInstallableUnit unit, String hash) {
        Optional<Signed> signed = leaves.computeIfAbsent(leaf.toString(), k -> load(leaf));
        if (signed.isEmpty()) {
            return null;
        }
        for (IInstallableUnit held : signed.get().units().query(QueryUtil.createIUQuery(unit.getId(), unit.getVersion()), null)
            .toUnmodifiableSet()) {
            if (MetadataCheck.hash(held).equals(hash)) {
                return new String[] {signed.get().signer(), signed.get().anchor()};
            }
        }
        return null;
    }

    private Optional<Signed> load(URI leaf) {
        if (roots.isEmpty()) {
            return Optional.empty();
        }
        Path dir = scratch.resolve("signed-index-" + leaves.size());
        Path jar = dir.resolve("content.jar");
        try {
            Files.createDirectories(dir);
            URI at = URI.create(leaf.toString().endsWith("/") ? leaf + "content.jar" : leaf + "/content.jar");
            try (InputStream in = session.transport.stream(at, null)) {
                Files.copy(in, jar);
            }
        } catch (FileNotFoundException e) {
            return Optional.empty(); // no signed index there
        } catch (IOException | CoreException | IllegalArgumentException e) {
            return Optional.empty();
        }
        ContentSignature sig = ContentSignature.jar(jar.toFile(), roots);
        if (sig.kind() != ContentSignature.Kind.TRUSTED) {
            return Optional.empty();
        }
        try {
            IMetadataRepositoryManager m = session.service(IMetadataRepositoryManager.class);
            IMetadataRepository units = m.loadRepository(dir.toUri(), null);
            m.removeRepository(dir.toUri());
            return Optional.of(new Signed(sig.signer(), sig.anchor(), units));
        } catch (ProvisionException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        leaves.clear();
    }
}
