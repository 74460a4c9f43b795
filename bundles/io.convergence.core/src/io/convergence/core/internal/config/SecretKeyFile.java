package io.convergence.core.internal.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that encrypts secrets (PASSWORD attributes) in configuration files, and the format of an
 * encrypted value, as docs/adr/0011-secrets-in-configuration-files.md specifies them:
 * {@code {"encrypted": "v1:<key id>:<base64url of nonce, ciphertext and tag>"}}, AES-256-GCM with a
 * 96-bit random nonce; the key id is the first 8 hex digits of the key's SHA-256. The key is 32
 * random bytes, base64, in {@code <Convergence home>/secrets/config.key} (system property
 * {@value #KEY_PROPERTY} names another file), readable by its owner only; it is created by the first
 * writer of an encrypted value and never written into a configuration file.
 *
 * <p>The Connections editor writes the same format (its own copy of the writing half, since a view
 * does not import the core): change both together. Encrypting here serves tests and tools.
 */
final class SecretKeyFile {

    /** System property naming the key file instead of the default in the Convergence home. */
    static final String KEY_PROPERTY = "convergence.secretKey";
    static final String VERSION = "v1";
    private static final String AAD = "convergence-config-secret-v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Supplier<Path> location;

    /** A secret that cannot be read; the message says why and what to do, never the secret. */
    static final class SecretException extends Exception {
        private static final long serialVersionUID = 1L;

        SecretException(String message) {
            super(message);
        }
    }

    SecretKeyFile(Path file) {
        this.location = () -> file;
    }

    private SecretKeyFile(Supplier<Path> location) {
        this.location = location;
    }

    /**
     * The key file this runtime uses: the system property, else {@code <home>/secrets/config.key};
     * looked up at each use, so that a key put in place later (or elsewhere) is found.
     */
    static SecretKeyFile standard() {
        return new SecretKeyFile(() -> {
            String named = System.getProperty(KEY_PROPERTY, "");
            if (!named.isBlank()) {
                return Path.of(named);
            }
            String home = System.getProperty("convergence.home", System.getProperty("user.home") + "/.convergence");
            return Path.of(home, "secrets", "config.key");
        });
    }

    Path file() {
        return location.get();
    }

    /** Decrypts an encrypted value. */
    String decrypt(String token) throws SecretException {
        Path file = file();
        String[] parts = token.split(":", 3);
        if (parts.length != 3 || !VERSION.equals(parts[0])) {
            throw new SecretException("not an encrypted value of this product (expected \"v1:<key id>:<data>\")");
        }
        byte[] key = read(file);
        if (!id(key).equals(parts[1])) {
            throw new SecretException("encrypted with another key (id " + parts[1] + ") than this machine's " + file
                + " (id " + id(key) + "); type the password again in the Connections editor, or write it in plain text "
                + "once and save");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new SecretException("the encrypted value is damaged (not base64)");
        }
        if (data.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new SecretException("the encrypted value is damaged (too short)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, data, 0, NONCE_BYTES));
            c.updateAAD(AAD.getBytes(StandardCharsets.US_ASCII));
            return new String(c.doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new SecretException("the encrypted value is damaged or was changed (it does not authenticate with "
                + "the key " + file + ")");
        }
    }

    /** Encrypts a value, creating the key first if there is none. */
    String encrypt(String secret) throws SecretException {
        byte[] key = readOrCreate(file());
        byte[] nonce = new byte[NONCE_BYTES];
        new SecureRandom().nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(AAD.getBytes(StandardCharsets.US_ASCII));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return VERSION + ":" + id(key) + ":" + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new SecretException("cannot encrypt: " + e.getMessage());
        }
    }

    private static byte[] read(Path file) throws SecretException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            throw new SecretException("the key " + file + " that decrypts it does not exist on this machine; type the "
                + "password again in the Connections editor, or write it in plain text once and save");
        } catch (IOException e) {
            throw new SecretException("cannot read the key " + file + ": " + e.getMessage());
        }
        checkPrivate(file);
        try {
            byte[] key = Base64.getDecoder().decode(text);
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new SecretException("the key " + file + " is damaged (expected 32 bytes in base64)");
    }

    private static byte[] readOrCreate(Path file) throws SecretException {
        if (Files.exists(file)) {
            return read(file);
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        try {
            Path dir = file.toAbsolutePath().getParent();
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
                restrict(dir, "rwx------");
            }
            Path tmp = Files.createTempFile(dir, ".config.key", ".tmp");
            try {
                restrict(tmp, "rw-------");
                Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                // Never replace: if another writer created the key meanwhile, keep theirs. A hard link
                // fails atomically if the name exists; where links are not possible a move checks first.
                try {
                    Files.createLink(file, tmp);
                } catch (UnsupportedOperationException | FileSystemException e) {
                    if (e instanceof FileAlreadyExistsException) {
                        throw (FileAlreadyExistsException) e;
                    }
                    Files.move(tmp, file);
                }
            } catch (FileAlreadyExistsException e) {
                return read(file);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | UnsupportedOperationException e) {
            throw new SecretException("cannot create the key " + file + ": " + e);
        }
        return key;
    }

    /** Refuses a key others can read: it would protect nothing. */
    private static void checkPrivate(Path file) throws SecretException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        try {
            Set<PosixFilePermission> p = view.readAttributes().permissions();
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                throw new SecretException("the key " + file + " is readable by others (" + PosixFilePermissions.toString(p)
                    + "); make it readable by its owner only: chmod 600 " + file);
            }
        } catch (IOException e) {
            throw new SecretException("cannot read the permissions of " + file + ": " + e.getMessage());
        }
    }

    private static void restrict(Path p, String permissions) throws IOException {
        if (Files.getFileAttributeView(p, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(permissions));
        }
    }

    static String id(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
