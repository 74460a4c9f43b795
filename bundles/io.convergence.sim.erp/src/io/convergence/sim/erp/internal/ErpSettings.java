package io.convergence.sim.erp.internal;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The simulated ERP's configuration, checked.
 *
 * @param dataDir where the database file lives; null to keep it in memory
 */
record ErpSettings(int port, long seed, String user, String password, ZoneId zone, @Nullable Path dataDir) {

    private static final Pattern USER = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,62}");

    static ErpSettings from(ErpComponent.Config c) {
        if (c.port() < 0 || c.port() > 65535) {
            throw new IllegalArgumentException("port " + c.port() + " outside 0..65535 (0 for any free port)");
        }
        String user = c.user().strip();
        if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException("user '" + c.user() + "': a letter, then letters, digits or _ (at most 63)");
        }
        if (c.password().isEmpty()) {
            throw new IllegalArgumentException("password: empty; the reporting account needs one");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(c.zone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("zone '" + c.zone() + "' is not a time zone, e.g. Europe/Paris or UTC");
        }
        Path dir = c.dataDir().isBlank() ? null : Path.of(c.dataDir().strip()).toAbsolutePath();
        return new ErpSettings(c.port(), c.seed(), user, c.password(), zone, dir);
    }
}
