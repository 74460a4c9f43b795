package io.convergence.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.metadata.IProvidedCapability;
import org.eclipse.equinox.p2.metadata.ITouchpointData;
import org.eclipse.equinox.p2.metadata.ITouchpointInstruction;
import org.osgi.framework.Constants;
import org.osgi.framework.Version;
import org.jspecify.annotations.Nullable;

/**
 * Metadata must describe the bytes it installs: a bundle unit's id and version, its artifact's, the
 * bundle it says it provides and the manifest p2 keeps in the unit (from which p2 writes and later
 * removes the {@code bundles.info} line) must all name the bundle the jar is. Otherwise the launcher and p2 disagree about what is installed, and an
 * uninstall or revert leaves a bundle behind.
 */
final class BundleIdentity {

    private BundleIdentity() {
    }

    static List<String> problems(Iterable<IInstallableUnit> units, List<Staging.Item> items) {
        Map<IArtifactKey, File> files = new HashMap<>();
        items.forEach(i -> files.put(i.key(), i.file()));
        List<String> out = new ArrayList<>();
        for (IInstallableUnit iu : units) {
            for (IArtifactKey k : iu.getArtifacts()) {
                if (!"osgi.bundle".equals(k.getClassifier()) || files.get(k) == null) {
                    continue;
                }
                String[] jar = identity(files.get(k));
                String unit = Names.shown(iu.getId()) + " " + iu.getVersion();
                if (jar == null) {
                    out.add("unit " + unit + ": its jar is no OSGi bundle (no Bundle-SymbolicName in its manifest)");
                    continue;
                }
                String said = k.getId() + " " + osgi(k.getVersion().toString());
                String is = jar[0] + " " + jar[1];
                if (!said.equals(is) || !iu.getId().equals(jar[0]) || !osgi(iu.getVersion().toString()).equals(jar[1])) {
                    out.add("unit " + unit + " says its bundle is " + Names.shown(said) + ", but the jar is " + Names.shown(is));
                    continue;
                }
                for (IProvidedCapability c : iu.getProvidedCapabilities()) {
                    if ("osgi.bundle".equals(c.getNamespace()) && !(c.getName() + " " + osgi(c.getVersion().toString())).equals(is)) {
                        out.add("unit " + unit + " provides the bundle " + Names.shown(c.getName() + " " + c.getVersion())
                            + ", but the jar is " + Names.shown(is));
                    }
                }
                String[] kept = kept(iu);
                if (kept != null && !(kept[0] + " " + kept[1]).equals(is)) {
                    out.add("unit " + unit + " keeps a manifest of " + Names.shown(kept[0] + " " + kept[1]) + ", but the jar is "
                        + Names.shown(is));
                }
            }
        }
        return out;
    }

    private static String @Nullable [] identity(File jar) {
        try (JarFile j = new JarFile(jar, false)) {
            Manifest m = j.getManifest();
            return m == null ? null : identity(m.getMainAttributes());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The manifest p2 keeps in the unit's {@code manifest} instruction, if it has one. */
    private static String @Nullable [] kept(IInstallableUnit iu) {
        for (ITouchpointData d : iu.getTouchpointData()) {
            ITouchpointInstruction i = d.getInstruction("manifest");
            if (i != null && i.getBody() != null) {
                try {
                    String body = i.getBody().strip().replace("\r\n", "\n") + "\n";
                    return identity(new Manifest(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))).getMainAttributes());
                } catch (IOException | RuntimeException e) {
                    return new String[] {"(unreadable)", ""};
                }
            }
        }
        return null;
    }

    private static String @Nullable [] identity(Attributes a) {
        String bsn = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
        if (bsn == null) {
            return null;
        }
        return new String[] {bsn.split(";", 2)[0].strip(), osgi(a.getValue(Constants.BUNDLE_VERSION))};
    }

    private static String osgi(String v) {
        try {
            return Version.parseVersion(v == null ? "0.0.0" : v.strip()).toString();
        } catch (IllegalArgumentException e) {
            return v == null ? "" : v.strip();
        }
    }
}
