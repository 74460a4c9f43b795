package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.convergence.admin.AuditEntry;
import io.convergence.admin.AuditVerification;
import io.convergence.admin.Change;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;

/** The audit log can be believed: intent before result, torn writes survive, edits are found, no edit is lost. */
class AuditLogTest {

    @TempDir
    Path tmp;
    TestInstallation inst;
    TestRepo repo;

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
        Path jar = TestJars.bundle(tmp.resolve("jars"), "com.example.audited", "1.0.0");
        repo = new TestRepo(tmp.resolve("repo")).add(
            TestRepo.Unit.bundle("com.example.audited", "1.0.0", jar, TestJars.manifest("com.example.audited", "1.0.0")),
            TestRepo.Unit.feature("com.example.audited", "1.0.0").requires("com.example.audited", "1.0.0")).write();
        inst.policy(new TrustPolicy(List.of(), List.of(), false, List.of(repo.uri())));
    }

    private Path log() {
        return inst.installation.admin().resolve("audit.log");
    }

    @Test
    void theIntentIsLoggedBeforeTheChangeAndTheResultAfter() throws Exception {
        AtomicReference<AuditEntry> duringCommit = new AtomicReference<>();
        Progress watch = new Progress() {
            @Override
            public void step(String name, long work) {
                if (name.equals("installing")) {
                    try {
                        duringCommit.set(inst.lastAudit());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            }

            @Override
            public void worked(long work) {
            }
        };

        inst.service.apply(new Change.Install("com.example.audited", "", List.of(repo.uri())), watch);

        AuditEntry intent = duringCommit.get();
        assertEquals("intent", intent.result(), "the log did not say what was about to happen: " + intent);
        assertEquals("install com.example.audited", intent.action());
        AuditEntry done = inst.lastAudit();
        assertEquals("ok", done.result());
        assertEquals("install com.example.audited", done.action());
    }

    @Test
    void aTornLastLineDoesNotBreakTheLogAndTheNextEntryStandsOnItsOwnLine() throws Exception {
        inst.service.apply(new Change.Install("com.example.audited", "", List.of(repo.uri())), Progress.NONE);
        int before = inst.audit().size();
        Files.writeString(log(), "{\"time\":\"2026-01-01T00:00:00Z\",\"user\":\"adm", StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);

        assertEquals(before, inst.audit().size(), "the torn line is not an entry, and the others are still read");

        inst.service.apply(new Change.Uninstall("com.example.audited"), Progress.NONE);
        List<AuditEntry> after = inst.audit();
        assertEquals("uninstall com.example.audited", after.get(after.size() - 1).action());
        assertEquals("ok", after.get(after.size() - 1).result());
    }

    @Test
    void anEditedOrRemovedLineIsFoundAndNamed() throws Exception {
        inst.service.apply(new Change.Install("com.example.audited", "", List.of(repo.uri())), Progress.NONE);
        inst.service.apply(new Change.Uninstall("com.example.audited"), Progress.NONE);
        AuditVerification clean = inst.service.verifyAudit();
        assertTrue(clean.intact(), clean.problems().toString());
        assertEquals(5, clean.entries());
        List<String> original = Files.readAllLines(log(), StandardCharsets.UTF_8);

        List<String> edited = new ArrayList<>(original);
        edited.set(2, edited.get(2).replace("\"result\":\"ok\"", "\"result\":\"refused\""));
        Files.write(log(), edited, StandardCharsets.UTF_8);
        AuditVerification v = inst.service.verifyAudit();
        assertFalse(v.intact());
        assertEquals(List.of("line 3 was changed, or lines were removed or inserted before line 4 (its chain hash does not"
            + " match line 3)"), v.problems());

        Files.write(log(), original.subList(0, 4), StandardCharsets.UTF_8);
        v = inst.service.verifyAudit();
        assertEquals(List.of("the log ends at line 4 but was sealed at line 5: lines were removed from its end"), v.problems());

        List<String> lastEdited = new ArrayList<>(original);
        lastEdited.set(4, lastEdited.get(4).replace("root", "someone"));
        lastEdited.set(4, lastEdited.get(4).replace("ok", "ok "));
        Files.write(log(), lastEdited, StandardCharsets.UTF_8);
        v = inst.service.verifyAudit();
        assertEquals(List.of("line 5 (the last) was changed since it was written"), v.problems());
    }

    @Test
    void aTornLineIsANoteNotATampering() throws Exception {
        inst.service.apply(new Change.Install("com.example.audited", "", List.of(repo.uri())), Progress.NONE);
        Files.writeString(log(), "{\"time\":\"2026-01-01T00:00:00Z\",\"us", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        AuditVerification v = inst.service.verifyAudit();
        assertTrue(v.intact(), v.problems().toString());
        assertEquals(List.of("line 4 is incomplete: the writer stopped while writing it; it is not an entry"), v.notes());

        inst.service.apply(new Change.Uninstall("com.example.audited"), Progress.NONE);
        v = inst.service.verifyAudit();
        assertTrue(v.intact(), v.problems().toString());
        assertEquals(5, v.entries());
    }

    @Test
    void concurrentTrustEditsAreAllKept() throws Exception {
        int perThread = 15;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        URI u = URI.create("file:/repos/t" + thread + "/r" + i + "/");
                        inst.service.changeTrust(p -> {
                            List<URI> repos = new ArrayList<>(p.unsignedRepositories());
                            repos.add(u);
                            return new TrustPolicy(p.certificates(), p.pgpKeys(), p.allowUnsigned(), repos);
                        });
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }));
        }
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        assertEquals(List.of(), failures);
        AuditVerification v = inst.service.verifyAudit();
        assertTrue(v.intact(), "concurrent appends broke the chain: " + v.problems());
        List<URI> kept = inst.service.trustPolicy().unsignedRepositories();
        for (int t = 0; t < 2; t++) {
            for (int i = 0; i < perThread; i++) {
                URI u = URI.create("file:/repos/t" + t + "/r" + i + "/");
                assertTrue(kept.contains(u), "lost edit: " + u + " (kept " + kept.size() + ")");
            }
        }
    }
}
