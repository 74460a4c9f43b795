package io.convergence.admin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.equinox.p2.core.IAgentLocation;
import org.eclipse.equinox.p2.engine.ProfileScope;
import org.eclipse.osgi.service.security.TrustEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceRegistration;

import io.convergence.admin.Change;
import io.convergence.admin.FeatureException;
import io.convergence.admin.Progress;

/**
 * Signatures are judged by the admin's policy alone: not by the JDK's or the framework's trust
 * roots, not by p2's own preferences or properties, and before any bundle of the change is
 * installed into the running framework.
 */
class SignatureRoutesTest {

    @TempDir
    Path tmp;
    TestInstallation inst;
    private final List<Runnable> undo = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        inst = TestInstallation.create(tmp);
    }

    @AfterEach
    void tearDown() {
        Collections.reverse(undo);
        undo.forEach(Runnable::run);
    }

    /** A repository with feature {@code id} holding one bundle {@code id.bundle}, signed by {@code signer} unless null. */
    private TestRepo repo(String name, String id, TestJars.Publisher signer) throws Exception {
        String bsn = id + ".bundle";
        Path jar = TestJars.bundle(tmp.resolve(name + "-jars"), bsn, "1.0.0");
        if (signer != null) {
            signer.sign(jar);
        }
        return new TestRepo(tmp.resolve(name)).add(
            TestRepo.Unit.bundle(bsn, "1.0.0", jar, TestJars.manifest(bsn, "1.0.0")),
            TestRepo.Unit.feature(id, "1.0.0").requires(bsn, "1.0.0")).write();
    }

    private FeatureException refused(String id, TestRepo repo) throws Exception {
        TestInstallation.State before = inst.state();
        FeatureException e = assertThrows(FeatureException.class, () -> inst.service.apply(
            new Change.Install(id, "", List.of(repo.uri())), Progress.NONE));
        assertEquals(FeatureException.Kind.UNTRUSTED, e.kind(), e.getMessage());
        assertEquals(before, inst.state(), "a refused change changed the installation");
        assertEquals("refused", inst.lastAudit().result());
        assertFalse(Files.exists(inst.folder.resolve("plugins/" + id + ".bundle_1.0.0.jar")), "the jar stayed in the pool");
        return e;
    }

    /** A framework trust engine that trusts one authority, as the JDK's cacerts do for theirs. */
    private void frameworkTrusts(Path caPem) throws Exception {
        Certificate ca;
        try (var in = Files.newInputStream(caPem)) {
            ca = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        TrustEngine engine = new TrustEngine() {
            @Override
            public Certificate findTrustAnchor(Certificate[] chain) throws IOException {
                for (Certificate c : chain) {
                    if (c.equals(ca)) {
                        return c;
                    }
                    try {
                        c.verify(ca.getPublicKey());
                        return ca;
                    } catch (GeneralSecurityException e) {
                        // not issued by it
                    }
                }
                return null;
            }

            @Override
            protected String doAddTrustAnchor(Certificate anchor, String alias) {
                throw new UnsupportedOperationException();
            }

            @Override
            protected void doRemoveTrustAnchor(Certificate anchor) {
                throw new UnsupportedOperationException();
            }

            @Override
            protected void doRemoveTrustAnchor(String alias) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Certificate getTrustAnchor(String alias) {
                return "ca".equals(alias) ? ca : null;
            }

            @Override
            public String[] getAliases() {
                return new String[] {"ca"};
            }

            @Override
            public boolean isReadOnly() {
                return true;
            }

            @Override
            public String getName() {
                return "fixture trust roots";
            }
        };
        ServiceRegistration<TrustEngine> reg = inst.bc.registerService(TrustEngine.class, engine, null);
        undo.add(reg::unregister);
    }

    @Test
    void aPublisherIssuedByAnAuthorityTheJvmTrustsIsNotTrustedUntilTheAdminAddsIt() throws Exception {
        TestJars.Publisher publisher = TestJars.issuedBy("Fixture Root CA", "Issued Publisher");
        frameworkTrusts(TestJars.authority("Fixture Root CA"));
        TestRepo repo = repo("issued", "com.example.issued", publisher);

        FeatureException e = refused("com.example.issued", repo);
        assertTrue(e.getMessage().contains("Issued Publisher"), e.getMessage());

        inst.service.trust(TestJars.authority("Fixture Root CA"));
        inst.service.apply(new Change.Install("com.example.issued", "", List.of(repo.uri())), Progress.NONE);
        assertTrue(inst.state().bundlesInfo().contains("com.example.issued.bundle,1.0.0"));
    }

    @Test
    void p2PreferencesAndPropertiesDoNotWidenThePolicy() throws Exception {
        TestJars.Publisher stranger = TestJars.selfSigned("Stranger");
        var agent = TestInstallation.agents(inst.bc).createAgent(inst.installation.p2().toUri());
        try {
            var node = new ProfileScope(agent.getService(IAgentLocation.class), TestInstallation.PROFILE)
                .getNode("org.eclipse.equinox.p2.engine");
            node.putBoolean("trustAlways", true);
            try (var in = Files.newInputStream(stranger.certificate())) {
                var cf = CertificateFactory.getInstance("X.509");
                node.putByteArray("trustedCertificates", cf.generateCertPath(List.of(cf.generateCertificate(in)))
                    .getEncoded("PKCS7"));
            }
            node.flush();
        } finally {
            agent.stop();
        }
        String old = System.getProperty("eclipse.p2.unsignedPolicy");
        System.setProperty("eclipse.p2.unsignedPolicy", "allow");
        undo.add(() -> {
            if (old == null) {
                System.clearProperty("eclipse.p2.unsignedPolicy");
            } else {
                System.setProperty("eclipse.p2.unsignedPolicy", old);
            }
        });

        refused("com.example.unsigned", repo("unsigned", "com.example.unsigned", null));
        refused("com.example.stranger", repo("stranger", "com.example.stranger", stranger));
    }

    @Test
    void noBundleOfARefusedChangeReachesTheRunningFramework() throws Exception {
        TestRepo repo = repo("unsigned", "com.example.early", null);
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        BundleListener l = ev -> {
            if (ev.getType() == BundleEvent.INSTALLED) {
                seen.add(ev.getBundle().getSymbolicName());
            }
        };
        inst.bc.addBundleListener(l);
        undo.add(() -> inst.bc.removeBundleListener(l));

        refused("com.example.early", repo);

        assertFalse(seen.contains("com.example.early.bundle"), "the unsigned bundle was installed into the framework: " + seen);
    }

    @Test
    void contentSignedByATrustedPublisherInstalls() throws Exception {
        TestJars.Publisher partner = TestJars.selfSigned("Partner");
        TestRepo repo = repo("signed", "com.example.signed", partner);
        refused("com.example.signed", repo);

        inst.service.trust(partner.certificate());
        inst.service.apply(new Change.Install("com.example.signed", "", List.of(repo.uri())), Progress.NONE);

        assertTrue(inst.state().bundlesInfo().contains("com.example.signed.bundle,1.0.0"));
        assertEquals("ok", inst.lastAudit().result());
    }
}
