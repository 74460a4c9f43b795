package io.convergence.testing;

import java.io.IOException;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.util.tracker.ServiceTracker;

/** Finds services and creates configurations from inside a test running in OSGi. */
public final class Osgi {

    private Osgi() {
    }

    /** The context of the bundle that holds {@code anchor}. */
    public static BundleContext context(Class<?> anchor) {
        Bundle b = FrameworkUtil.getBundle(anchor);
        if (b == null) {
            throw new IllegalStateException(anchor + " is not loaded by an OSGi bundle");
        }
        if (b.getBundleContext() == null) {
            try {
                b.start();
            } catch (org.osgi.framework.BundleException e) {
                throw new IllegalStateException(e);
            }
        }
        return b.getBundleContext();
    }

    /** Waits for a service, optionally matching an LDAP filter, and fails with a clear message. */
    public static <T> T await(Class<T> type, String filter, Duration timeout) {
        BundleContext ctx = context(Osgi.class);
        String f = filter.isEmpty() ? "(objectClass=" + type.getName() + ")"
            : "(&(objectClass=" + type.getName() + ")" + filter + ")";
        try {
            Filter flt = ctx.createFilter(f);
            ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, flt, null);
            tracker.open();
            T service = tracker.waitForService(timeout.toMillis());
            if (service == null) {
                throw new AssertionError("no service " + f + " within " + timeout);
            }
            return service;
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The service now, or {@code null} if there is none. */
    public static <T> T find(Class<T> type) {
        BundleContext ctx = context(Osgi.class);
        var ref = ctx.getServiceReference(type);
        return ref == null ? null : ctx.getService(ref);
    }

    /** The installed bundle of that symbolic name; fails if there is none. */
    public static Bundle bundle(String symbolicName) {
        for (Bundle b : context(Osgi.class).getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + symbolicName + " in the test runtime");
    }

    /** Waits up to ten seconds for a service. */
    public static <T> T await(Class<T> type) {
        return await(type, "", Duration.ofSeconds(10));
    }

    /** Creates (or replaces) a factory configuration named {@code name}. */
    public static Configuration factoryConfig(String factoryPid, String name, Map<String, ?> properties)
        throws IOException {
        Configuration c = await(ConfigurationAdmin.class).getFactoryConfiguration(factoryPid, name, "?");
        c.update(dictionary(properties));
        return c;
    }

    /** Creates or replaces a singleton configuration. */
    public static Configuration config(String pid, Map<String, ?> properties) throws IOException {
        Configuration c = await(ConfigurationAdmin.class).getConfiguration(pid, "?");
        c.update(dictionary(properties));
        return c;
    }

    private static Dictionary<String, Object> dictionary(Map<String, ?> properties) {
        Hashtable<String, Object> d = new Hashtable<>();
        properties.forEach(d::put);
        return d;
    }
}
