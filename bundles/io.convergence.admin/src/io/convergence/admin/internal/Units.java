package io.convergence.admin.internal;

import java.util.Locale;

import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.query.QueryUtil;

/** What kind of unit an installable unit is, and its names, as admins see them. */
final class Units {

    static final String FEATURE_SUFFIX = ".feature.group";
    static final String ROOT = "org.eclipse.equinox.p2.type.root";

    private Units() {
    }

    static boolean isFeature(IInstallableUnit iu) {
        return QueryUtil.isGroup(iu) && iu.getId().endsWith(FEATURE_SUFFIX);
    }

    static boolean isBundle(IInstallableUnit iu) {
        return iu.getArtifacts().stream().anyMatch(k -> "osgi.bundle".equals(k.getClassifier()));
    }

    static IArtifactKey bundleArtifact(IInstallableUnit iu) {
        return iu.getArtifacts().stream().filter(k -> "osgi.bundle".equals(k.getClassifier())).findFirst().orElseThrow();
    }

    /** Whether the unit requires the bundle of that name (Require-Bundle). */
    static boolean requiresBundle(IInstallableUnit iu, String symbolicName) {
        return iu.getRequirements().stream().anyMatch(r -> r instanceof org.eclipse.equinox.internal.p2.metadata.IRequiredCapability c
            && "osgi.bundle".equals(c.getNamespace()) && symbolicName.equals(c.getName()));
    }

    /** The feature id without p2's suffix. */
    static String featureId(IInstallableUnit iu) {
        String id = iu.getId();
        return id.endsWith(FEATURE_SUFFIX) ? id.substring(0, id.length() - FEATURE_SUFFIX.length()) : id;
    }

    static String name(IInstallableUnit iu) {
        String n = iu.getProperty(IInstallableUnit.PROP_NAME, Locale.getDefault().toString());
        return n == null || n.isBlank() ? (isFeature(iu) ? featureId(iu) : iu.getId()) : n;
    }

    static String provider(IInstallableUnit iu) {
        String p = iu.getProperty(IInstallableUnit.PROP_PROVIDER, Locale.getDefault().toString());
        return p == null ? "" : p;
    }

    static String shown(IInstallableUnit iu) {
        return (isFeature(iu) ? featureId(iu) : iu.getId()) + " " + iu.getVersion();
    }
}
