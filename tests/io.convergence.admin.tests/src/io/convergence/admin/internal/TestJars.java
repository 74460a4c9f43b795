package io.convergence.admin.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Bundle jars for fixture repositories, and publishers that sign them with the JDK's own
 * {@code keytool} and {@code jarsigner}, as a partner would.
 */
final class TestJars {

    private TestJars() {
    }

    /** The manifest text of a plain bundle, as p2 keeps it in a unit's {@code manifest} instruction. */
    static String manifest(String bsn, String version, String... extraHeaders) {
        StringBuilder b = new StringBuilder("Manifest-Version: 1.0\nBundle-ManifestVersion: 2\nBundle-SymbolicName: ")
            .append(bsn).append("\nBundle-Version: ").append(version).append('\n');
        for (String h : extraHeaders) {
            b.append(h).append('\n');
        }
        return b.toString();
    }

    /** Writes a bundle jar with that manifest and one resource. */
    static Path bundle(Path dir, String bsn, String version, String... extraHeaders) throws IOException {
        return bundle(dir, bsn, version, java.util.Map.of(), extraHeaders);
    }

    /** Writes a bundle jar with that manifest, one resource and the given entries (name to text). */
    static Path bundle(Path dir, String bsn, String version, java.util.Map<String, String> entries,
        String... extraHeaders) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(bsn + "_" + version + ".jar");
        Manifest mf = new Manifest(new java.io.ByteArrayInputStream(
            manifest(bsn, version, extraHeaders).getBytes(StandardCharsets.UTF_8)));
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, mf)) {
            out.putNextEntry(new JarEntry("about.txt"));
            out.write(("bundle " + bsn + " " + version + "\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
            for (var e : entries.entrySet()) {
                out.putNextEntry(new JarEntry(e.getKey()));
                out.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return jar;
    }

    /** A feature jar: its feature.xml, listing one plugin. */
    static Path feature(Path dir, String id, String version, String plugin) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve(id + "_" + version + ".jar");
        try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os, new Manifest())) {
            out.putNextEntry(new JarEntry("feature.xml"));
            out.write(("<?xml version='1.0' encoding='UTF-8'?>\n<feature id='" + id + "' version='" + version + "'>\n"
                + "  <plugin id='" + plugin + "' version='" + version + "'/>\n</feature>\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    static String header(Path jar, String name) throws IOException {
        try (var j = new java.util.jar.JarFile(jar.toFile())) {
            Attributes a = j.getManifest().getMainAttributes();
            return a.getValue(name);
        }
    }

    /** A signing identity in a PKCS#12 key store; {@code certificate} is its PEM file. */
    record Publisher(Path keystore, String alias, Path certificate) {

        /** Signs the jar in place, with the JDK's jar signer in this process. */
        void sign(Path jar) throws IOException {
            try {
                java.security.KeyStore ks = java.security.KeyStore.getInstance(keystore.toFile(), PASS.toCharArray());
                var key = (java.security.PrivateKey) ks.getKey(alias, PASS.toCharArray());
                var path = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertPath(java.util.Arrays.asList(ks.getCertificateChain(alias)));
                var signer = new jdk.security.jarsigner.JarSigner.Builder(key, path).digestAlgorithm("SHA-256").build();
                Path signed = jar.resolveSibling(jar.getFileName() + ".signed");
                try (var in = new java.util.zip.ZipFile(jar.toFile()); OutputStream out = Files.newOutputStream(signed)) {
                    signer.sign(in, out);
                }
                Files.move(signed, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (java.security.GeneralSecurityException e) {
                throw new IOException("cannot sign " + jar + ": " + e, e);
            }
        }
    }

    private static final String PASS = "fixture";
    private static final java.util.Map<String, Publisher> MADE = new java.util.concurrent.ConcurrentHashMap<>();
    private static Path keys;

    /** Where this test run's keys live: made once, since keytool takes a second a call. */
    private static synchronized Path keys() throws IOException {
        if (keys == null) {
            keys = Files.createTempDirectory("convergence-test-keys");
            Path k = keys;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try (var walk = Files.walk(k)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                } catch (IOException e) {
                    // a temporary folder left behind
                }
            }));
        }
        return keys;
    }

    /** A self-signed publisher, made once per test run. */
    static Publisher selfSigned(String name) throws IOException {
        Publisher p = MADE.get(name);
        if (p == null) {
            p = selfSigned(keys(), name);
            MADE.put(name, p);
        }
        return p;
    }

    /** A publisher issued by a certificate authority, made once per test run; the CA's certificate is {@link #authority}. */
    static synchronized Publisher issuedBy(String caName, String name) throws IOException {
        Publisher p = MADE.get(caName + "/" + name);
        if (p == null) {
            p = issuedBy(keys(), caName, name);
            MADE.put(caName + "/" + name, p);
        }
        return p;
    }

    static Path authority(String caName) throws IOException {
        return keys().resolve(caName + ".pem");
    }

    /** A self-signed publisher, as the partner template's test certificate is. */
    static Publisher selfSigned(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        Path ks = dir.resolve(name + ".p12");
        Path pem = dir.resolve(name + ".pem");
        genkey(ks, name, "CN=" + name + ", O=Fixture");
        run(tool("keytool"), "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass", PASS, "-alias", name,
            "-file", pem.toString());
        return new Publisher(ks, name, pem);
    }

    /**
     * A publisher whose certificate is issued by a certificate authority {@code caName}: the CA's
     * certificate is {@code dir/caName.pem} (and the publisher's {@link Publisher#certificate()}), the publisher's chain
     * goes into the signatures.
     */
    static Publisher issuedBy(Path dir, String caName, String name) throws IOException {
        Files.createDirectories(dir);
        Path ks = dir.resolve(name + ".p12");
        Path caPem = dir.resolve(caName + ".pem");
        run(tool("keytool"), "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASS,
            "-alias", caName, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + caName + ", O=Fixture CA",
            "-ext", "bc:c", "-validity", "30");
        // keytool signs the publisher's certificate with the authority's key; its chain is then [publisher, authority]
        run(tool("keytool"), "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASS,
            "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name + ", O=Fixture",
            "-signer", caName, "-validity", "30");
        run(tool("keytool"), "-exportcert", "-rfc", "-keystore", ks.toString(), "-storepass", PASS, "-alias", caName,
            "-file", caPem.toString());
        return new Publisher(ks, name, caPem);
    }

    private static void genkey(Path ks, String alias, String dname) throws IOException {
        run(tool("keytool"), "-genkeypair", "-keystore", ks.toString(), "-storetype", "PKCS12", "-storepass", PASS,
            "-alias", alias, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dname, "-validity", "30");
    }

    private static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }

    private static void run(String... command) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(command));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new IOException(String.join(" ", cmd) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
