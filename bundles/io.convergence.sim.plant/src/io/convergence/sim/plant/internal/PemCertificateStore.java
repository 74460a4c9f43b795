package io.convergence.sim.plant.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.milo.opcua.stack.core.NodeIds;
import org.eclipse.milo.opcua.stack.core.security.CertificateStore;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.jspecify.annotations.Nullable;

/**
 * The server's own key and certificate chain as two PEM files in one folder ({@code server-key.pem},
 * readable by the owner only, and {@code server-cert.pem}).
 *
 * <p>Why not Milo's PKCS#12 key store: the JDK protects such a store with 10,000 PBKDF2 rounds for its
 * integrity check, 10,000 for its certificates and 10,000 for its key, which a JVM that has just started
 * runs in about half a second, at every start of the plant. The simulator's store password is fixed and
 * published, so those rounds protect nothing; the key file's permissions are what protects the key.
 */
final class PemCertificateStore implements CertificateStore {

    private static final String KEY_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String KEY_END = "-----END PRIVATE KEY-----";

    private final Path dir;
    private final Map<NodeId, Entry> read = new HashMap<>();

    PemCertificateStore(Path dir) {
        this.dir = dir;
    }

    /** The key file of a certificate type. */
    Path keyFile(NodeId certificateTypeId) {
        return dir.resolve(name(certificateTypeId) + "-key.pem");
    }

    /** The certificate chain file of a certificate type. */
    Path certificateFile(NodeId certificateTypeId) {
        return dir.resolve(name(certificateTypeId) + "-cert.pem");
    }

    @Override
    public synchronized boolean contains(NodeId certificateTypeId) {
        return read.containsKey(certificateTypeId)
            || Files.exists(keyFile(certificateTypeId)) && Files.exists(certificateFile(certificateTypeId));
    }

    @Override
    public synchronized @Nullable Entry get(NodeId certificateTypeId) throws IOException, GeneralSecurityException {
        Entry e = read.get(certificateTypeId);
        if (e == null && contains(certificateTypeId)) {
            e = new Entry(readKey(keyFile(certificateTypeId)), readChain(certificateFile(certificateTypeId)));
            read.put(certificateTypeId, e);
        }
        return e;
    }

    @Override
    public synchronized @Nullable Entry remove(NodeId certificateTypeId) throws IOException, GeneralSecurityException {
        Entry e = get(certificateTypeId);
        read.remove(certificateTypeId);
        Files.deleteIfExists(certificateFile(certificateTypeId));
        Files.deleteIfExists(keyFile(certificateTypeId));
        return e;
    }

    @Override
    public synchronized void set(NodeId certificateTypeId, Entry entry) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : entry.certificateChain) {
            chain.append(pem("CERTIFICATE", c.getEncoded()));
        }
        // The key first: a certificate file without its key is never left behind to be taken for a store.
        write(keyFile(certificateTypeId), pem("PRIVATE KEY", entry.privateKey.getEncoded()), true);
        write(certificateFile(certificateTypeId), chain.toString(), false);
        read.put(certificateTypeId, entry);
    }

    private static String name(NodeId certificateTypeId) {
        return certificateTypeId.equals(NodeIds.RsaSha256ApplicationCertificateType) ? "server"
            : "server-" + certificateTypeId.getIdentifier().toString().replaceAll("[^A-Za-z0-9]", "_");
    }

    private static PrivateKey readKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int from = text.indexOf(KEY_BEGIN);
        int to = text.indexOf(KEY_END);
        if (from < 0 || to < from) {
            throw new GeneralSecurityException(file + " holds no PEM private key (" + KEY_BEGIN + ")");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.substring(from + KEY_BEGIN.length(), to));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    private static X509Certificate[] readChain(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
            .generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)));
        if (all.isEmpty()) {
            throw new GeneralSecurityException(file + " holds no certificate");
        }
        return all.stream().map(X509Certificate.class::cast).toArray(X509Certificate[]::new);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
            + "\n-----END " + type + "-----\n";
    }

    /** Writes a file whole or not at all; a secret one readable by its owner only (where the file system says so). */
    private static void write(Path file, String text, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: its own rules apply
                }
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
