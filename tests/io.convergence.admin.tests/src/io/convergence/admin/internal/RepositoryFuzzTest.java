package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/**
 * A seeded fuzzer over p2 repository metadata: each input is a valid repository (a signed bundle in
 * a feature) mutated by {@link RepoMutator}, offered to preview and install. Whatever the input, no
 * exception but a {@link FeatureException} escapes, its message is one clear line (no stack trace,
 * not endless), a refusal or failure changes nothing and is never logged as {@code ok}, the
 * sentinel folder that mutated instructions aim at is never made by a repository the policy does
 * not allow, and what does install is reverted exactly. {@code -Dconvergence.fuzz.inputs=N} and
 * {@code -Dconvergence.fuzz.seed=S} run a longer or another series.
 */
class RepositoryFuzzTest {

    private static final String FEATURE = "com.example.fuzz";

    @TempDir
    Path tmp;

    @Test
    void mutatedRepositoriesNeverBreakTheInstallationNorTheMessages() throws Exception {
        int inputs = Integer.getInteger("convergence.fuzz.inputs", 30);
        long seed = Long.getLong("convergence.fuzz.seed", 20261206L);
        TestInstallation inst = TestInstallation.create(tmp);
        TestJars.Publisher partner = TestJars.selfSigned("Partner");
        inst.service.trust(partner.certificate());
        Path seedRepo = seedRepository(partner);
        inst.service.apply(new Change.Install(FEATURE, "", List.of(seedRepo.toUri())), Progress.NONE);
        int base = 1;
        inst.service.apply(new Change.Revert(base + 1), Progress.NONE); // back to the product as shipped
        TestInstallation.State clean = inst.state();
        int shippedState = inst.service.history().size();
        assertFalse(clean.bundlesInfo().contains("com.example.fuzz"));

        Path sentinel = tmp.resolve("made-by-fuzz");
        RepoMutator mutator = new RepoMutator(seed, sentinel);
        TrustPolicy strict = inst.service.trustPolicy();
        int installed = 0;
        int refused = 0;
        int failed = 0;
        List<String> unclear = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < inputs; i++) {
            long t0 = System.nanoTime();
            Path repo = tmp.resolve("input-" + i);
            copy(seedRepo, repo);
            mutator.mutate(repo);
            String what = "input " + i + " (seed " + seed + "): " + mutator.describe();
            // A quarter of the inputs come from a repository the admin allows unsigned content from,
            // so that what lies beyond the trust check (planning, resolving, committing) is reached too.
            boolean allowed = i % 4 == 3;
            inst.policy(allowed ? new TrustPolicy(strict.certificates(), strict.pgpKeys(), false, List.of(repo.toUri())) : strict);
            TestInstallation.State before = inst.state();
            int auditBefore = inst.audit().size();
            Change install = new Change.Install(FEATURE, "", List.of(repo.toUri()));
            Path kept = keep(repo, seed, i);
            try {
                ChangePlan preview = inst.service.preview(install, Progress.NONE);
                preview.problems().forEach(p -> clear(p, what, unclear));
                assertEquals(before, inst.state(), "a preview changed the installation: " + what);
                ChangePlan done = inst.service.apply(install, Progress.NONE);
                installed++;
                assertEquals("ok", inst.lastAudit().result(), what);
                assertTrue(done.empty() || !inst.state().equals(before), "an install that changed nothing said ok: " + what);
                inst.service.apply(new Change.Revert(shippedState), Progress.NONE);
                assertEquals(clean.bundlesInfo(), inst.state().bundlesInfo(), "the revert after " + what);
            } catch (FeatureException e) {
                clear(e.getMessage(), what, unclear);
                assertEquals(before, inst.state(), "a refused or failed change changed the installation: " + what);
                List<AuditEntry> log = inst.audit();
                if (log.size() > auditBefore) {
                    String result = log.get(log.size() - 1).result();
                    assertTrue(result.equals("refused") || result.equals("failed"), "logged as " + result + ": " + what);
                }
                if (e.kind() == FeatureException.Kind.UNTRUSTED || e.kind() == FeatureException.Kind.INVALID) {
                    refused++;
                } else {
                    failed++;
                }
            }
            if (!allowed) {
                assertFalse(Files.exists(sentinel), "an instruction of a repository the policy does not allow ran: " + what);
            }
            TestInstallation.deleteTree(sentinel);
            TestInstallation.deleteTree(repo);
            TestInstallation.deleteTree(kept); // the input passed; a failing one stays there to reproduce
            double took = (System.nanoTime() - t0) / 1e9;
            if (took > 5) {
                System.out.printf(Locale.ROOT, "repository fuzz: %s took %.1f s%n", what, took);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "repository fuzz: seed %d, %d inputs in %.1f s: %d installed and reverted, %d refused,"
            + " %d failed, %d errors not clear%n", seed, inputs, seconds, installed, refused, failed, unclear.size());
        assertEquals(List.of(), unclear, "errors that are not one clear line");
    }

    /** A copy of the input outside the test's folder, kept if the input fails. */
    private static Path keep(Path repo, long seed, int i) throws IOException {
        Path kept = Path.of(System.getProperty("java.io.tmpdir"), "convergence-fuzz-" + seed + "-input-" + i);
        TestInstallation.deleteTree(kept);
        copy(repo, kept);
        return kept;
    }

    /** One line, no stack trace, not endless, and it says something. */
    private static void clear(String message, String what, List<String> unclear) {
        if (message == null || message.isBlank() || message.contains("\n") || message.contains("\tat ")
            || message.length() > 1500 || message.matches(".*\\b(java|javax|org\\.eclipse)\\.[a-z.]+\\.[A-Z]\\w*(Exception|Error)\\b.*")) {
            unclear.add(what + " -> " + (message == null ? "null" : message.length() > 300 ? message.substring(0, 300) + "…("
                + message.length() + " chars)" : message));
        }
    }

    /** The valid repository every input starts from: a feature with one bundle signed by the partner. */
    private Path seedRepository(TestJars.Publisher partner) throws Exception {
        Path jar = TestJars.bundle(tmp.resolve("seed-jars"), FEATURE + ".bundle", "1.0.0");
        partner.sign(jar);
        TestRepo.Unit bundle = TestRepo.Unit.bundle(FEATURE + ".bundle", "1.0.0", jar, TestJars.manifest(FEATURE + ".bundle", "1.0.0"));
        new TestRepo(tmp.resolve("seed")).add(bundle, TestRepo.Unit.feature(FEATURE, "1.0.0").requires(FEATURE + ".bundle", "1.0.0"))
            .write();
        return tmp.resolve("seed");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }
}
