package io.convergence.connector.opcua.internal;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Period;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.security.CertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.DefaultClientCertificateValidator;
import org.eclipse.milo.opcua.stack.core.security.FileBasedCertificateQuarantine;
import org.eclipse.milo.opcua.stack.core.security.FileBasedTrustListManager;
import org.eclipse.milo.opcua.stack.core.util.CertificateUtil;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateBuilder;
import org.eclipse.milo.opcua.stack.core.util.SelfSignedCertificateGenerator;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's certificate store in one folder: {@code own/} holds this application's certificate
 * and key (created self-signed on first use), {@code trusted/certs} the server certificates the
 * admin trusts, {@code rejected/} the ones that were refused. Milo watches the trusted folder, so
 * moving a rejected certificate there takes effect at the next connection attempt.
 */
final class Pki implements Closeable {

    private static final Logger LOG = LoggerFactory.getLogger(Pki.class);
    /** Connectors sharing the default folder must not both create the application certificate. */
    private static final Object CREATE_LOCK = new Object();

    private final Path dir;
    private final KeyPair keyPair;
    private final X509Certificate certificate;
    private final String applicationUri;
    private final FileBasedTrustListManager trustList;
    private final RecordingValidator validator;

    /** A server certificate that failed validation. */
    record Rejection(X509Certificate certificate, String status) {
    }

    private Pki(Path dir, KeyPair keyPair, X509Certificate certificate, String applicationUri,
                FileBasedTrustListManager trustList, RecordingValidator validator) {
        this.dir = dir;
        this.keyPair = keyPair;
        this.certificate = certificate;
        this.applicationUri = applicationUri;
        this.trustList = trustList;
        this.validator = validator;
    }

    /** Opens (and on first use creates) the store; starts Milo's watcher of the trusted folder. */
    static Pki open(Path dir) throws IOException, GeneralSecurityException {
        Path own = dir.resolve("own");
        Path certFile = own.resolve("cert.der");
        Path keyFile = own.resolve("key.pem");
        KeyPair keyPair;
        X509Certificate cert;
        synchronized (CREATE_LOCK) {
            Files.createDirectories(own);
            if (Files.exists(certFile) && Files.exists(keyFile)) {
                cert = decode(Files.readAllBytes(certFile), certFile);
                keyPair = new KeyPair(cert.getPublicKey(), readKey(keyFile));
            } else {
                keyPair = SelfSignedCertificateGenerator.generateRsaKeyPair(2048);
                cert = create(keyPair);
                writeAtomically(keyFile, pem(keyPair.getPrivate()).getBytes(StandardCharsets.US_ASCII), true);
                writeAtomically(certFile, cert.getEncoded(), false);
                LOG.info("created the application certificate {} ({})", certFile, cert.getSubjectX500Principal());
            }
        }
        String uri = CertificateUtil.getSanUri(cert).orElse(applicationUri());
        FileBasedTrustListManager trust = FileBasedTrustListManager.createAndInitialize(dir);
        FileBasedCertificateQuarantine quarantine = FileBasedCertificateQuarantine.create(dir.resolve("rejected"));
        RecordingValidator validator = new RecordingValidator(new DefaultClientCertificateValidator(trust, quarantine));
        return new Pki(dir, keyPair, cert, uri, trust, validator);
    }

    static String applicationUri() {
        return "urn:convergence:workbench:" + hostname();
    }

    KeyPair keyPair() {
        return keyPair;
    }

    X509Certificate certificate() {
        return certificate;
    }

    String uri() {
        return applicationUri;
    }

    CertificateValidator validator() {
        return validator;
    }

    Path dir() {
        return dir;
    }

    /** The last server certificate refused since {@link #clearRejection()}, if any. */
    @Nullable Rejection lastRejection() {
        return validator.last;
    }

    void clearRejection() {
        validator.last = null;
    }

    /** Says which certificate was refused and how to trust it. */
    String untrustedMessage(Rejection r) {
        X509Certificate c = r.certificate();
        return "the server's certificate '" + c.getSubjectX500Principal().getName() + "' (SHA-1 "
            + sha1(c).toUpperCase(Locale.ROOT) + ") is not trusted (" + r.status() + "); trust it in the Connections "
            + "view, or move " + findRejectedFile(c) + " to " + trustedDir() + "/, and the connector connects with it";
    }

    /** Where trusted server certificates are kept. */
    Path trustedDir() {
        return dir.resolve("trusted").resolve("certs");
    }

    /**
     * Trusts a server certificate from now on: writes it to the trusted folder (where it stays
     * across restarts) and into the trust list in use, and removes it from the rejected folder.
     *
     * @return the file it was written to
     */
    Path trust(X509Certificate c) throws IOException, GeneralSecurityException {
        byte[] der = c.getEncoded();
        Path file = trustedDir().resolve(sha1(c).replace(":", "") + ".der");
        Files.createDirectories(file.getParent());
        writeAtomically(file, der, false);
        trustList.addTrustedCertificate(c);
        Path rejected = dir.resolve("rejected");
        if (Files.isDirectory(rejected)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(rejected, "*.der")) {
                for (Path f : files) {
                    if (Arrays.equals(Files.readAllBytes(f), der)) {
                        Files.deleteIfExists(f);
                    }
                }
            }
        }
        LOG.info("trusted the server certificate {} ({})", c.getSubjectX500Principal().getName(), file);
        return file;
    }

    /** For a server that refuses this client: which file to trust over there. */
    String ownCertificateHint() {
        return "trust this client's certificate " + dir.resolve("own").resolve("cert.der") + " (application URI "
            + applicationUri + ", SHA-1 " + sha1(certificate).toUpperCase(Locale.ROOT) + ") on the server";
    }

    @Override
    public void close() {
        try {
            trustList.close();
        } catch (IOException e) {
            LOG.warn("closing the trust list of {}: {}", dir, e.toString());
        }
    }

    static String sha1(X509Certificate c) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest(c.getEncoded());
            return HexFormat.ofDelimiter(":").formatHex(d);
        } catch (GeneralSecurityException e) {
            return "?";
        }
    }

    private Path findRejectedFile(X509Certificate c) {
        Path folder = dir.resolve("rejected");
        try {
            byte[] encoded = c.getEncoded();
            if (Files.isDirectory(folder)) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*.der")) {
                    for (Path f : files) {
                        if (Arrays.equals(Files.readAllBytes(f), encoded)) {
                            return f;
                        }
                    }
                }
            }
            // Milo's quarantine prunes old entries; make sure the admin has the file the message names.
            Path f = folder.resolve(sha1(c).replace(":", "") + ".der");
            Files.createDirectories(folder);
            writeAtomically(f, encoded, false);
            return f;
        } catch (IOException | GeneralSecurityException e) {
            LOG.warn("looking for the rejected certificate in {}: {}", folder, e.toString());
            return folder.resolve("<certificate>.der");
        }
    }

    private static X509Certificate create(KeyPair keyPair) throws GeneralSecurityException {
        String host = hostname();
        SelfSignedCertificateBuilder b = new SelfSignedCertificateBuilder(keyPair)
            .setCommonName("Convergence Workbench OPC UA client")
            .setOrganization("Convergence Workbench")
            .setApplicationUri(applicationUri())
            .setValidityPeriod(Period.ofYears(5))
            .addDnsName(host);
        if (!"localhost".equals(host)) {
            b.addDnsName("localhost");
        }
        b.addIpAddress("127.0.0.1");
        try {
            return b.build();
        } catch (GeneralSecurityException e) {
            throw e;
        } catch (Exception e) {
            throw new GeneralSecurityException("creating the application certificate failed: " + e, e);
        }
    }

    private static X509Certificate decode(byte[] der, Path file) throws GeneralSecurityException {
        try {
            return CertificateUtil.decodeCertificate(der);
        } catch (UaException e) {
            throw new GeneralSecurityException("cannot read the application certificate " + file + ": " + e.getMessage(), e);
        }
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    }

    private static void writeAtomically(Path file, byte[] bytes, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own permissions apply
                }
            }
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String hostname() {
        try {
            String h = InetAddress.getLocalHost().getHostName();
            return h == null || h.isBlank() ? "localhost" : h;
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** Lets Milo's validator decide, and remembers what it refused so the state can say so. */
    private static final class RecordingValidator implements CertificateValidator {
        private final CertificateValidator delegate;
        private volatile @Nullable Rejection last;

        RecordingValidator(CertificateValidator delegate) {
            this.delegate = delegate;
        }

        @Override
        public void validateCertificateChain(List<X509Certificate> chain, @Nullable String applicationUri,
                                             String @Nullable [] hostnames) throws UaException {
            try {
                delegate.validateCertificateChain(chain, applicationUri, hostnames);
            } catch (UaException e) {
                if (!chain.isEmpty()) {
                    last = new Rejection(chain.get(0), Statuses.name(e.getStatusCode()));
                }
                throw e;
            }
        }
    }
}
