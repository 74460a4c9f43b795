package io.convergence.admin.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.equinox.p2.core.IProvisioningAgentProvider;
import org.eclipse.equinox.p2.engine.PhaseSetFactory;
import org.osgi.framework.BundleContext;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;

/**
 * Carries out one change: under the installation's lock, logs the intent, plans, passes the
 * {@link ChangeGate} (names, instructions, every artifact against the policy), checks that the
 * bundles resolve, commits with p2's engine on exactly the checked content, records what was
 * admitted and logs the result. Any failure changes nothing and is logged with its reason.
 */
final class ChangeRunner {

    private ChangeRunner() {
    }

    static ChangePlan apply(BundleContext bc, IProvisioningAgentProvider agents, Installation inst, Change c, Progress progress)
        throws FeatureException {
        AdminStore store = new AdminStore(inst.admin());
        String source = String.join(" ", c.repositories().stream().map(URI::toString).toList());
        try (Installation.Lock lock = inst.lock(true)) {
            audit(store, c.describe(), source, "intent", "starting");
            ChangePlan done = run(bc, agents, inst, store, c, progress);
            audit(store, c.describe(), source, "ok", done.empty() ? "nothing to change" : summary(done));
            return done;
        } catch (FeatureException raw) {
            FeatureException e = oneLine(raw);
            audit(store, c.describe(), source, switch (e.kind()) {
                case UNTRUSTED, INVALID -> "refused";
                default -> "failed";
            }, e.getMessage());
            throw e;
        } catch (RuntimeException | LinkageError e) {
            audit(store, c.describe(), source, "failed", "internal error: " + e);
            throw e;
        }
    }

    private static ChangePlan run(BundleContext bc, IProvisioningAgentProvider agents, Installation inst, AdminStore store,
                                  Change c, Progress progress) throws FeatureException {
        PolicyTrust trust = new PolicyTrust();
        try (P2Session s = new P2Session(agents, inst, trust)) {
            s.transport.listener(progress::detail);
            ChangePlanner.Planned p = ChangePlanner.plan(bc, s, c, progress);
            ChangePlan described = p.describe();
            if (!described.ok()) {
                throw new FeatureException(p.unknown ? FeatureException.Kind.UNKNOWN_FEATURE : FeatureException.Kind.CONFLICT,
                    c.describe() + " cannot be carried out: " + String.join("; ", described.problems()));
            }
            if (described.empty()) {
                return described;
            }
            Path scratch = scratch();
            try (ChangeGate gate = ChangeGate.pass(s, p, store.trust(), scratch, new Monitor(progress))) {
                List<String> broken;
                try {
                    broken = BundleCheck.problems(bc, gate.bundles());
                } catch (RuntimeException | LinkageError e) {
                    broken = List.of("the bundles could not be checked: " + e);
                }
                if (!broken.isEmpty()) {
                    throw new FeatureException(FeatureException.Kind.BROKEN_BUNDLE, c.describe()
                        + " failed, nothing changed: " + String.join("; ", broken));
                }
                commit(s, p, gate, trust, progress);
                gate.record();
                return described;
            } finally {
                ChangePlanner.deleteTree(scratch);
            }
        }
    }

    private static void commit(P2Session s, ChangePlanner.Planned p, ChangeGate gate, PolicyTrust trust, Progress progress)
        throws FeatureException {
        var poolBefore = s.poolKeys();
        trust.admit(gate.admittedFiles());
        // The engine takes content only from what was checked: the pool and the scratch repository.
        List<URI> from = new ArrayList<>();
        if (gate.staged() != null) {
            from.add(gate.staged());
        }
        from.add(s.bundlePool());
        p.plan.getContext().setArtifactRepositories(from.toArray(URI[]::new));
        progress.step("installing", 0);
        IStatus st = s.engine().perform(p.plan, PhaseSetFactory.createDefaultPhaseSet(), new Monitor(progress));
        if (!trust.refusals().isEmpty() && !st.isOK()) {
            s.dropDownloads(poolBefore);
            throw new FeatureException(FeatureException.Kind.UNTRUSTED, p.change.describe() + " refused, nothing changed: "
                + String.join("; ", trust.refusals()));
        }
        if (st.getSeverity() == IStatus.ERROR || st.getSeverity() == IStatus.CANCEL) {
            s.dropDownloads(poolBefore);
            throw new FeatureException(FeatureException.Kind.FAILED, p.change.describe() + " failed, nothing changed: "
                + String.join("; ", Explain.lines(st)));
        }
    }

    private static Path scratch() throws FeatureException {
        try {
            return Files.createTempDirectory("convergence-change");
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot make a scratch folder for the change: "
                + e.getMessage(), e);
        }
    }

    /** The failure as one line that a terminal shows as it is: repositories write much of its text. */
    static FeatureException oneLine(FeatureException e) {
        String m = String.valueOf(e.getMessage());
        String shown = Names.shown(m, 1500);
        return shown.equals(m) ? e : new FeatureException(e.kind(), shown, e.getCause());
    }

    static void audit(AdminStore store, String action, String source, String result, String detail) {
        store.audit(new AuditEntry(Instant.now(), System.getProperty("user.name", "?"), action, source, result, detail));
    }

    private static String summary(ChangePlan p) {
        List<String> parts = new ArrayList<>();
        p.added().forEach(u -> parts.add("+" + u.id() + " " + u.to()));
        p.updated().forEach(u -> parts.add("~" + u.id() + " " + u.from() + " -> " + u.to()));
        p.removed().forEach(u -> parts.add("-" + u.id() + " " + u.from()));
        return String.join(", ", parts) + (p.restartNeeded() ? "; restart needed: " + p.restartReason() : "");
    }
}
