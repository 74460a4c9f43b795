package io.convergence.admin.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.jspecify.annotations.Nullable;

import io.convergence.admin.TrustPolicy;

/**
 * The artifacts of a change against the trust policy, before anything is installed anywhere.
 * Downloaded content must be signed by a trusted publisher, or come unsigned from a leaf repository
 * the policy allows. Content taken from the bundle pool (reverts, reinstalls) is judged the same
 * way, and unsigned pool content must be the very file admitted before (by its SHA-256), under an
 * admission the policy still grants.
 */
final class ContentCheck {

    /**
     * What the check found.
     *
     * @param refusals why artifacts are refused, one sentence each
     * @param admitted the admitted artifacts and why, for the ledger and the engine's own check
     */
    record Result(List<String> refusals, Map<Staging.Item, Ledger.Entry> admitted) {
    }

    private ContentCheck() {
    }

    static Result check(List<Staging.Item> items, TrustPolicy policy, Ledger ledger) {
        TrustRoots roots = TrustRoots.of(policy);
        List<String> refusals = new ArrayList<>();
        Map<Staging.Item, Ledger.Entry> admitted = new LinkedHashMap<>();
        List<String> unsignedFiles = new ArrayList<>();
        List<Sources.Leaf<?>> unsignedFrom = new ArrayList<>();
        for (Staging.Item item : items) {
            String name = describe(item.key());
            String sha = ContentHash.of(item.file());
            ContentSignature sig = ContentSignature.check(item.file(), item.descriptor(), roots);
            switch (sig.kind()) {
                case TRUSTED -> admitted.put(item, new Ledger.Entry(sha, "signed", sig.signer(), repository(item, ledger)));
                case BROKEN -> refusals.add(name + (item.source() == null ? " in the bundle pool" : " from "
                    + item.source().describe()) + " is refused: " + sig.why());
                case UNTRUSTED, UNSIGNED -> {
                    // Content from where the admin accepts it unsigned is accepted whoever signed it:
                    // stripping an unknown signature would make it acceptable anyway.
                    boolean signed = sig.kind() == ContentSignature.Kind.UNTRUSTED;
                    String untrusted = name + " is signed by '" + sig.signer() + "', " + sig.why()
                        + " (trust its certificate with 'convergence features trust add-certificate FILE')";
                    if (item.source() != null) {
                        if (Sources.allowsUnsigned(policy, item.source().location())) {
                            admitted.put(item, new Ledger.Entry(sha, "unsigned", item.source().location().toString(),
                                item.source().location().toString()));
                        } else if (signed) {
                            refusals.add(untrusted);
                        } else {
                            unsignedFiles.add(item.file().getName());
                            if (!unsignedFrom.contains(item.source())) {
                                unsignedFrom.add(item.source());
                            }
                        }
                    } else {
                        String why = pooled(item.key(), sha, policy, ledger);
                        if (why == null) {
                            admitted.put(item, ledger.artifact(item.key()));
                        } else {
                            refusals.add(signed ? untrusted : name + " in the bundle pool is unsigned, and " + why);
                        }
                    }
                }
            }
        }
        if (!unsignedFiles.isEmpty()) {
            unsignedFiles.sort(null);
            refusals.add(0, "unsigned content (" + String.join(", ", unsignedFiles) + ") from "
                + String.join(", ", unsignedFrom.stream().map(Sources.Leaf::describe).toList())
                + ", and the trust policy refuses unsigned content (to accept it from there: 'convergence features trust"
                + " allow-unsigned " + unsignedFrom.get(0).location() + "')");
        }
        return new Result(refusals, admitted);
    }

    /** Where the content came from: its leaf repository, or for pool content what the ledger says. */
    private static String repository(Staging.Item item, Ledger ledger) {
        if (item.source() != null) {
            return item.source().location().toString();
        }
        Ledger.Entry before = ledger.artifact(item.key());
        return before == null ? "" : before.repository();
    }

    /** Why unsigned content of the pool is not admitted; null when it is. */
    private static @Nullable String pooled(IArtifactKey key, String sha, TrustPolicy policy, Ledger ledger) {
        Ledger.Entry e = ledger.artifact(key);
        if (e == null) {
            return "it was never admitted by the trust policy (install it again from its repository)";
        }
        if (!e.sha256().equals(sha)) {
            return "it is not the file that was admitted (its content changed since; install it again from its repository)";
        }
        return switch (e.basis()) {
            case "product" -> null;
            case "signed" -> "it was admitted as signed by a publisher the trust policy no longer trusts";
            case "unsigned" -> Sources.allowsUnsigned(policy, URI.create(e.source())) ? null
                : "it was admitted unsigned from " + e.source() + ", which the trust policy no longer allows";
            default -> "it was admitted as " + e.basis() + ", which does not hold for it now";
        };
    }

    static String describe(IArtifactKey k) {
        return Names.shown(k.getId()) + " " + k.getVersion() + (k.getClassifier().equals("osgi.bundle") ? ""
            : k.getClassifier().equals("org.eclipse.update.feature") ? " (feature)" : " (" + k.getClassifier() + ")");
    }
}
