package io.convergence.historian.duckdb.tests;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/** Starts a plain JVM (no OSGi) with some bundles of the test runtime on its class path. */
final class ChildJvm {

    private ChildJvm() {
    }

    static ProcessBuilder command(Path tmp, String mainClass, List<String> args, String... bundles) {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        // DuckDB unpacks its 72 MB native library into java.io.tmpdir and a killed JVM never deletes it:
        // keep it in the test's folder.
        cmd.add("-Djava.io.tmpdir=" + tmp);
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-cp");
        cmd.add(classPath(bundles));
        cmd.add(mainClass);
        cmd.addAll(args);
        return new ProcessBuilder(cmd);
    }

    private static String classPath(String... symbolicNames) {
        BundleContext ctx = FrameworkUtil.getBundle(ChildJvm.class).getBundleContext();
        List<String> entries = new ArrayList<>();
        for (String name : symbolicNames) {
            Bundle found = null;
            for (Bundle b : ctx.getBundles()) {
                if (name.equals(b.getSymbolicName())) {
                    found = b;
                }
            }
            if (found == null) {
                throw new AssertionError("bundle " + name + " is not in the test runtime");
            }
            entries.add(file(found).toString());
        }
        return String.join(File.pathSeparator, entries);
    }

    /** The jar or folder a bundle was installed from ("reference:file:...", "file:...", or a path). */
    private static Path file(Bundle b) {
        String loc = b.getLocation();
        int i = loc.indexOf("file:");
        if (i < 0) {
            throw new AssertionError("cannot tell where bundle " + b.getSymbolicName() + " comes from: " + loc);
        }
        String s = loc.substring(i + "file:".length());
        Path p = Path.of(s);
        if (!p.isAbsolute()) {
            // Equinox takes a relative location from its install area.
            String area = System.getProperty("osgi.install.area", "");
            Path base = area.startsWith("file:") ? Path.of(URI.create(area.replace(" ", "%20")))
                : Path.of(System.getProperty("user.dir"));
            p = base.resolve(s).normalize();
        }
        // A bundle run from its project folder has its classes below it.
        if (Files.isDirectory(p) && Files.isDirectory(p.resolve("target/classes"))) {
            p = p.resolve("target/classes");
        }
        if (!Files.exists(p)) {
            throw new AssertionError("bundle " + b.getSymbolicName() + " at " + loc + ": " + p + " does not exist");
        }
        return p;
    }
}
