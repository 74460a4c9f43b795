package io.convergence.admin.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.ITouchpointData;
import org.eclipse.equinox.p2.metadata.ITouchpointInstruction;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepository;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.TrustPolicy;

/**
 * Touchpoint instructions are content too: p2 runs them whether a unit has artifacts or not. A unit
 * whose instructions do more than install and start its own (signature-checked) artifact is
 * admitted only if the repository it comes from is allowed by a rule that names it (or unsigned
 * content is allowed everywhere), or that repository's index is signed by a publisher the policy
 * trusts ({@link SignedIndex}), or it shipped with the product, or, on a revert, it was admitted so
 * before and that admission still holds. See docs/adr/0010-metadata-is-content.md.
 */
final class MetadataCheck {

    /**
     * What the check found.
     *
     * @param refusals why units are refused, one sentence each
     * @param admitted units admitted on the strength of their repository, for the ledger
     */
    record Result(List<String> refusals, Map<IInstallableUnit, Ledger.Entry> admitted) {
    }

    private MetadataCheck() {
    }

    static Result check(IProfile current, Iterable<IInstallableUnit> additions, Set<String> shipped,
                        List<Sources.Leaf<IMetadataRepository>> leaves, TrustPolicy policy, Ledger ledger, SignedIndex index) {
        List<String> refusals = new ArrayList<>();
        Map<IInstallableUnit, Ledger.Entry> admitted = new java.util.LinkedHashMap<>();
        for (IInstallableUnit host : additions) {
            if (QueryUtil.isFragment(host)) {
                continue; // its instructions run through the units it attaches to
            }
            boolean hostNew = !installed(current, host);
            List<IInstallableUnit> carriers = new ArrayList<>();
            carriers.add(host);
            carriers.addAll(host.getFragments());
            for (IInstallableUnit carrier : carriers) {
                if (!Instructions.any(carrier) || carrier != host && installed(current, carrier) || carrier == host && !hostNew) {
                    continue; // nothing to run, or admitted when it was installed
                }
                List<String> unbound = Instructions.unbound(carrier, host);
                boolean boundToNewArtifact = unbound.isEmpty() && !host.getArtifacts().isEmpty() && hostNew;
                if (boundToNewArtifact || admitted.containsKey(carrier)) {
                    continue;
                }
                String what = unbound.isEmpty() ? "instructions for " + host.getId() + ", whose own content they do not"
                    + " come with" : String.join("; ", unbound.subList(0, Math.min(4, unbound.size())))
                    + (unbound.size() > 4 ? "; …" : "");
                String refusal = judge(carrier, what, shipped, leaves, policy, ledger, index, admitted);
                if (refusal != null) {
                    refusals.add(refusal);
                }
            }
        }
        return new Result(refusals, admitted);
    }

    private static @Nullable String judge(IInstallableUnit unit, String what, Set<String> shipped, List<Sources.Leaf<IMetadataRepository>> leaves,
                                TrustPolicy policy, Ledger ledger, SignedIndex index, Map<IInstallableUnit, Ledger.Entry> admitted) {
        String name = "unit " + Names.shown(unit.getId()) + " " + unit.getVersion();
        if (shipped.contains(unit.getId() + " " + unit.getVersion())) {
            return null;
        }
        String hash = hash(unit);
        List<Sources.Leaf<IMetadataRepository>> from = new ArrayList<>();
        for (Sources.Leaf<IMetadataRepository> leaf : leaves) {
            for (IInstallableUnit offered : leaf.repository().query(QueryUtil.createIUQuery(unit.getId(), unit.getVersion()), null)
                .toUnmodifiableSet()) {
                if (hash(offered).equals(hash)) {
                    from.add(leaf);
                }
            }
        }
        for (Sources.Leaf<IMetadataRepository> leaf : from) {
            if (Sources.allowsUnsigned(policy, leaf.location())) {
                admitted.put(unit, new Ledger.Entry(hash, "repository", leaf.location().toString()));
                return null;
            }
        }
        for (Sources.Leaf<IMetadataRepository> leaf : from) {
            String[] signer = index.vouches(leaf.location(), unit, hash);
            if (signer != null) {
                admitted.put(unit, new Ledger.Entry(hash, "signed", signer[1]));
                return null;
            }
        }
        if (from.isEmpty()) {
            Ledger.Entry before = ledger.unit(unit.getId(), unit.getVersion().toString());
            boolean stillHolds = before != null && (policy.allowUnsigned() || (before.basis().equals("signed")
                ? TrustRoots.of(policy).trusts(before.source()) : Sources.allowsUnsigned(policy, java.net.URI.create(before.source()))));
            if (before != null && before.sha256().equals(hash) && stillHolds) {
                admitted.put(unit, before);
                return null;
            }
            return name + " carries instructions that change the installation by themselves (" + what + ")"
                + (before == null ? ", and no repository the trust policy allows vouched for them when it was installed"
                    : before.sha256().equals(hash) ? "; they were admitted " + (before.basis().equals("signed")
                        ? "as signed by a publisher" : "from " + before.source()) + ", which the trust policy no longer allows"
                        : "; they are not the instructions admitted when it was installed");
        }
        return name + " carries instructions that change the installation by themselves (" + what + ") and comes from "
            + String.join(", ", from.stream().map(Sources.Leaf::describe).toList()) + ", which the trust policy does not"
            + " allow, and no publisher the policy trusts signed its index (instructions are content: to accept them"
            + " from there, 'convergence features trust allow-unsigned " + from.get(0).location() + "')";
    }

    private static boolean installed(IProfile profile, IInstallableUnit iu) {
        return !profile.query(QueryUtil.createIUQuery(iu.getId(), iu.getVersion()), null).isEmpty();
    }

    /** A hash of what the unit would run: its touchpoint type and every instruction. */
    static String hash(IInstallableUnit iu) {
        StringBuilder b = new StringBuilder(String.valueOf(iu.getTouchpointType()));
        for (ITouchpointData d : iu.getTouchpointData()) {
            Map<String, ITouchpointInstruction> sorted = new TreeMap<>(d.getInstructions());
            sorted.forEach((k, v) -> b.append('\n').append(k).append('|').append(v.getImportAttribute()).append('|')
                .append(v.getBody()));
        }
        return AuditLog.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
    }
}
