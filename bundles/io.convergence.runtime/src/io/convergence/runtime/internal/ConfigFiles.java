package io.convergence.runtime.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.convergence.api.cli.Args;
import io.convergence.api.cli.CommandException;
import io.convergence.api.config.ConfigEntry;
import io.convergence.api.config.ConfigException;
import io.convergence.api.config.ConfigurationService;

/** A user's configuration file, checked before a command starts anything, so a bad file costs nothing. */
final class ConfigFiles {

    /** Far above any real configuration file. */
    private static final int MAX_BYTES = 16 << 20;

    private ConfigFiles() {
    }

    /**
     * Reads and checks a configuration file against the installed schemas, without applying it.
     *
     * @return the configurations the file holds
     * @throws CommandException naming the file and every problem in it (file:line:column: field: message)
     */
    static List<ConfigEntry> check(Services services, Path file) throws CommandException {
        String name = file.toString();
        String text;
        try (InputStream in = Files.newInputStream(file)) {
            // Bounded: a device such as /dev/zero given by mistake must not fill the memory.
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CommandException("--config " + Args.shown(name) + ": larger than " + (MAX_BYTES >> 20)
                    + " MB; not a configuration file");
            }
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new CommandException("--config " + Args.shown(name) + ": no such file");
        } catch (CharacterCodingException e) {
            throw new CommandException("--config " + Args.shown(name) + ": not UTF-8 text");
        } catch (IOException e) {
            throw new CommandException("--config " + Args.shown(name) + ": cannot read it ("
                + (Files.isDirectory(file) ? "a folder, not a file" : e.getMessage()) + ")");
        }
        ConfigurationService config = services.await(ConfigurationService.class, "", Duration.ofSeconds(20),
            "the configuration service");
        try {
            return config.check(name, text);
        } catch (ConfigException e) {
            throw new CommandException(e.getMessage(), e);
        }
    }
}
