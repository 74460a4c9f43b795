package io.convergence.runtime.internal;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.convergence.api.cli.UsageException;

import org.jspecify.annotations.Nullable;

/**
 * Where the command line takes a password from, never its arguments: a file (its first line), the
 * environment, or the terminal without echo.
 */
final class Credentials {

    /** The environment variable that may hold the password of {@code --user}. */
    static final String ENV = "CONVERGENCE_PASSWORD";

    private Credentials() {
    }

    /**
     * The password of a user.
     *
     * @param file the {@code --password-file}, if given; it wins over the environment
     * @param environment the value of {@link #ENV}, if set
     * @param console the terminal to ask on, if there is one
     * @throws UsageException if none of them gives a password, or the file cannot be read
     */
    static String password(@Nullable String file, @Nullable String environment, @Nullable Console console, String user)
        throws UsageException {
        if (file != null) {
            try {
                String text = Files.readString(Path.of(file), StandardCharsets.UTF_8);
                String first = text.lines().findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new UsageException("--password-file " + file + ": the first line is empty");
                }
                return first;
            } catch (NoSuchFileException e) {
                throw new UsageException("--password-file " + file + ": no such file");
            } catch (IOException e) {
                throw new UsageException("--password-file " + file + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        if (environment != null && !environment.isEmpty()) {
            return environment;
        }
        if (console != null) {
            char[] typed = console.readPassword("password for user '%s': ", user);
            if (typed != null && typed.length > 0) {
                return new String(typed);
            }
        }
        throw new UsageException("--user " + user + " needs a password: give --password-file FILE, set " + ENV
            + ", or run on a terminal to be asked");
    }
}
