package io.convergence.admin.internal;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.eclipse.osgi.container.Module;
import org.eclipse.osgi.container.ModuleContainer;
import org.eclipse.osgi.report.resolution.ResolutionReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * Checks that bundles about to be committed can be installed and resolved against what the product
 * has: a bad manifest or an import nothing provides fails here, with the framework's own words,
 * before the product changes. The bundles are installed into this framework only for the check,
 * never started, and uninstalled again; only bundles the trust policy admitted come here (see
 * {@link ChangeGate}). Framework extensions are not installed at all: resolving one attaches its
 * code to the framework itself until a restart.
 */
final class BundleCheck {

    private BundleCheck() {
    }

    /** Problems, one line per bundle that fails; empty when all install and resolve. */
    static List<String> problems(BundleContext bc, List<File> jars) {
        List<String> problems = new ArrayList<>();
        List<Bundle> installed = new ArrayList<>();
        try {
            for (File jar : jars) {
                if (frameworkExtension(jar)) {
                    continue;
                }
                try {
                    installed.add(bc.installBundle("reference:" + jar.toURI()));
                } catch (BundleException e) {
                    if (e.getType() == BundleException.DUPLICATE_BUNDLE_ERROR) {
                        continue; // the same bundle is already there and resolved as it is
                    }
                    problems.add(jar.getName() + ": cannot be installed: " + oneLine(e.getMessage()));
                }
            }
            List<Bundle> toResolve = new ArrayList<>();
            for (Bundle b : installed) {
                if (!singletonTaken(bc, b)) {
                    toResolve.add(b);
                }
            }
            FrameworkWiring fw = bc.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
            fw.resolveBundles(toResolve);
            for (Bundle b : toResolve) {
                if ((b.getState() & Bundle.INSTALLED) != 0) {
                    problems.add(b.getSymbolicName() + " " + b.getVersion() + ": cannot be resolved: " + report(b));
                }
            }
        } finally {
            for (Bundle b : installed) {
                try {
                    b.uninstall();
                } catch (BundleException | IllegalStateException e) {
                    // gone already
                }
            }
            if (!installed.isEmpty()) {
                bc.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class).refreshBundles(installed);
            }
        }
        return problems;
    }

    /** Whether the jar is a fragment of the framework itself (its Fragment-Host names the system bundle). */
    static boolean frameworkExtension(File jar) {
        try (JarFile j = new JarFile(jar, false)) {
            Manifest m = j.getManifest();
            String host = m == null ? null : m.getMainAttributes().getValue(Constants.FRAGMENT_HOST);
            if (host == null) {
                return false;
            }
            String name = host.split(";", 2)[0].strip();
            return name.equals(Constants.SYSTEM_BUNDLE_SYMBOLICNAME) || name.equals("org.eclipse.osgi")
                || host.replace(" ", "").contains(Constants.EXTENSION_DIRECTIVE + ":=");
        } catch (IOException e) {
            return false; // installing it reports what is wrong
        }
    }

    /** A singleton whose other version is installed cannot resolve beside it; its update is not a fault. */
    private static boolean singletonTaken(BundleContext bc, Bundle b) {
        BundleRevision rev = b.adapt(BundleRevision.class);
        boolean singleton = rev != null && rev.getCapabilities("osgi.identity").stream()
            .anyMatch(c -> "true".equals(c.getDirectives().get("singleton")));
        if (!singleton) {
            return false;
        }
        for (Bundle other : bc.getBundles()) {
            if (other != b && b.getSymbolicName().equals(other.getSymbolicName())) {
                return true;
            }
        }
        return false;
    }

    private static String report(Bundle b) {
        Module m = b.adapt(Module.class);
        if (m != null) {
            ModuleContainer c = m.getContainer();
            ResolutionReport r = c.resolve(List.of(m), true);
            String msg = r.getResolutionReportMessage(m.getCurrentRevision());
            if (msg != null && !msg.isBlank()) {
                return oneLine(msg);
            }
        }
        return "a requirement is not satisfied";
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*\\n\\s*", "; ").replaceAll(";\\s*;", ";").strip();
    }
}
