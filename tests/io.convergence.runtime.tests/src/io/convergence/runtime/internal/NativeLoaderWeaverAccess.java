package io.convergence.runtime.internal;

import java.nio.file.Path;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** What the tests of other packages need from the weaver: the DuckDB bundle and its jar. */
public final class NativeLoaderWeaverAccess {

    private NativeLoaderWeaverAccess() {
    }

    public static Bundle duckDb() {
        for (Bundle b : FrameworkUtil.getBundle(NativeLoaderWeaver.class).getBundleContext().getBundles()) {
            if (b.getSymbolicName().equals("org.duckdb.duckdb_jdbc")) {
                return b;
            }
        }
        throw new AssertionError("no DuckDB bundle in the test runtime");
    }

    public static Path duckDbJar() {
        Bundle b = duckDb();
        return NativeLoaderWeaver.jarOf(b).orElseThrow(() -> new AssertionError("no jar for " + b.getLocation()));
    }
}
