package io.convergence.admin.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Whether replacing or removing bundles can happen in a running product, judged from the live
 * wiring: a leaf bundle (a connector, a model, a view) comes and goes alone; a bundle others are
 * wired to, a fragment, or a bundle the platform itself runs on needs a restart, since refreshing
 * it would stop and restart everything that uses it. A view's model fragments come and go with its
 * bundle (the workbench follows them live); a model processor runs only at the workbench's start.
 */
final class RestartCheck {

    /** Bundles a running product cannot swap under itself. */
    private static final Set<String> PLATFORM = Set.of("org.eclipse.osgi", "org.eclipse.equinox.launcher",
        "org.eclipse.equinox.simpleconfigurator", "org.apache.felix.scr", "org.eclipse.equinox.app",
        "org.eclipse.core.runtime", "org.eclipse.equinox.common", "org.eclipse.equinox.registry",
        "io.convergence.admin", "io.convergence.runtime", "io.convergence.ui.workbench", "org.eclipse.swt",
        "org.eclipse.e4.ui.workbench", "org.eclipse.e4.ui.workbench.swt");

    /** The bundle of the workbench's application model. */
    static final String WORKBENCH_MODEL = "org.eclipse.e4.ui.model.workbench";

    private RestartCheck() {
    }

    /**
     * Why a restart is needed to replace or remove the given bundles; empty when they can change live.
     *
     * @param changed symbolic names of the bundles updated or removed
     */
    static String reason(BundleContext bc, Collection<String> changed) {
        Set<String> set = new LinkedHashSet<>(changed);
        List<String> reasons = new java.util.ArrayList<>();
        List<String> model = new java.util.ArrayList<>();
        for (Bundle b : bc.getBundles()) {
            String bsn = b.getSymbolicName();
            if (bsn == null || !set.contains(bsn)) {
                continue;
            }
            if (b.getBundleId() == 0 || PLATFORM.contains(bsn) || bsn.startsWith("org.eclipse.osgi")) {
                reasons.add(bsn + " is part of the platform the product runs on");
                continue;
            }
            BundleRevision rev = b.adapt(BundleRevision.class);
            if (rev != null && (rev.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0) {
                reasons.add(bsn + " is a fragment, attached to its host until a restart");
                continue;
            }
            if (ModelProcessors.declares(b)) {
                model.add(bsn);
                continue;
            }
            BundleWiring w = b.adapt(BundleWiring.class);
            if (w == null) {
                continue;
            }
            Set<String> users = new TreeSet<>();
            for (BundleWire wire : w.getProvidedWires(null)) {
                String user = wire.getRequirer().getSymbolicName();
                if (user != null && !set.contains(user) && !user.equals(bsn)) {
                    users.add(user);
                }
            }
            if (!users.isEmpty()) {
                reasons.add(bsn + " is used by " + String.join(", ", users));
            }
        }
        if (!model.isEmpty()) {
            reasons.add(ModelProcessors.reason(model));
        }
        return String.join("; ", reasons);
    }
}
