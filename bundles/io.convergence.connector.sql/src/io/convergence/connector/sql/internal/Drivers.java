package io.convergence.connector.sql.internal;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.osgi.service.jdbc.DataSourceFactory;

/**
 * The JDBC drivers installed, as OSGi {@link DataSourceFactory} services: H2 and the PostgreSQL
 * driver register one, and so does any driver bundle that follows the OSGi JDBC specification.
 * {@code DriverManager} is not used: it cannot see drivers in other bundles.
 */
final class Drivers {

    private record Entry(DataSourceFactory factory, String name) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    void add(DataSourceFactory f, Map<String, Object> props) {
        Object name = props.getOrDefault(DataSourceFactory.OSGI_JDBC_DRIVER_NAME,
            props.getOrDefault(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS, f.getClass().getName()));
        entries.add(new Entry(f, String.valueOf(name)));
    }

    void remove(DataSourceFactory f) {
        entries.removeIf(e -> e.factory() == f);
    }

    /** A driver that accepts the URL, or null if none of the installed ones does. */
    @Nullable Driver driverFor(String url) throws SQLException {
        for (Entry e : entries) {
            Driver d = e.factory().createDriver(null);
            if (d.acceptsURL(url)) {
                return d;
            }
        }
        return null;
    }

    /** The installed drivers' names, for messages. */
    String describe() {
        return entries.isEmpty() ? "none" : String.join(", ", entries.stream().map(Entry::name).toList());
    }
}
