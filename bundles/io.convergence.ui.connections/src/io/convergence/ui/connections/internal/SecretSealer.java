package io.convergence.ui.connections.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts passwords for the configuration files the editor writes, in the form the configuration
 * service reads: {@code {"encrypted": "v1:<key id>:<base64url of nonce, ciphertext and tag>"}},
 * AES-256-GCM with the key in {@code <Convergence home>/secrets/config.key} (owner-only; system
 * property {@value #KEY_PROPERTY} names another file), created on first use. The format is specified
 * in docs/adr/0011-secrets-in-configuration-files.md; the reading half lives in the core, which a
 * view does not import: change both together.
 */
public final class SecretSealer {

    static final String KEY_PROPERTY = "convergence.secretKey";
    static final String ENCRYPTED = "encrypted";
    private static final String AAD = "convergence-config-secret-v1";

    /** A password that could not be encrypted; nothing was written. */
    public static final class SealException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SealException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Path file;

    SecretSealer(Path file) {
        this.file = file;
    }

    /** The key this product uses: the system property, else {@code <home>/secrets/config.key}. */
    public static SecretSealer standard() {
        String named = System.getProperty(KEY_PROPERTY, "");
        if (!named.isBlank()) {
            return new SecretSealer(Path.of(named));
        }
        String home = System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence");
        return new SecretSealer(Path.of(home, "secrets", "config.key"));
    }

    /** The JSON value of an encrypted password: {@code {"encrypted": "..."}}. */
    Map<String, String> seal(String password) {
        try {
            byte[] key = key();
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(AAD.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(password.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            String id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
            return Map.of(ENCRYPTED, "v1:" + id + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out));
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            throw new SealException("cannot encrypt the password with the key " + file + ": " + e.getMessage(), e);
        }
    }

    private byte[] key() throws IOException {
        if (!Files.exists(file)) {
            create();
        }
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view != null) {
            Set<PosixFilePermission> p = view.readAttributes().permissions();
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                throw new IOException("it is readable by others; make it readable by its owner only: chmod 600 " + file);
            }
        }
        byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (key.length != 32) {
            throw new IOException("it is damaged (expected 32 bytes in base64)");
        }
        return key;
    }

    private void create() throws IOException {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
        }
        Path tmp = Files.createTempFile(dir, ".config.key", ".tmp");
        try {
            restrict(tmp, "rw-------");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            // Never replace a key that another writer created meanwhile: values encrypted with it would be lost.
            try {
                Files.createLink(file, tmp);
            } catch (UnsupportedOperationException | FileSystemException e) {
                if (e instanceof FileAlreadyExistsException) {
                    return;
                }
                Files.move(tmp, file);
            }
        } catch (FileAlreadyExistsException e) {
            // someone else's key stands
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void restrict(Path p, String permissions) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        }
    }
}
