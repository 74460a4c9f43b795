package io.convergence.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CommandException;

/**
 * The simulated ERP's password of a headless demo, in a file of the data folder that only its owner
 * can read, for as long as the demo runs: commands that read the ERP beside the running demo
 * ({@code orders --password-file}) log in with it. The password is made for each run and the ERP
 * lives in memory, so the file is deleted when the demo ends.
 */
final class ErpPasswordFile implements AutoCloseable {

    /** The file's name in the data folder. */
    static final String NAME = "erp-password";

    private final Path file;

    private ErpPasswordFile(Path file) {
        this.file = file;
    }

    /** Writes the password whole (a reader never sees half of it), readable by the owner only. */
    static ErpPasswordFile write(Path dataDir, String password) throws CommandException {
        Path file = dataDir.toAbsolutePath().resolve(NAME);
        Path tmp = null;
        try {
            Files.createDirectories(dataDir);
            boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
            tmp = posix ? Files.createTempFile(dataDir, NAME, ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(dataDir, NAME, ".tmp");
            Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new ErpPasswordFile(file);
        } catch (IOException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the reason reported is the first one
                }
            }
            throw new CommandException("--data " + Args.shown(dataDir.toString()) + ": cannot write the simulated ERP's"
                + " password file " + NAME + " (" + e.getMessage() + ")", e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A password of an ERP that no longer exists opens nothing; the next demo replaces the file.
        }
    }
}
