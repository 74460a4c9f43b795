package io.convergence.admin.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A p2 repository written by hand into a folder, as a hand-made or hostile repository would be:
 * {@code content.xml} and {@code artifacts.xml} in p2's own format, with the jars beside them.
 * Units are described with {@link Unit}; nothing is generated that the test did not ask for.
 */
final class TestRepo {

    /** An artifact a unit carries, and the file that holds its bytes in the repository. */
    record Artifact(String classifier, String id, String version, Path file) {
    }

    /** One installable unit. */
    static final class Unit {
        final String id;
        final String version;
        String touchpoint = "null";
        String touchpointVersion = "0.0.0";
        boolean group;
        boolean singleton;
        final List<String[]> provides = new ArrayList<>();
        final List<String[]> requires = new ArrayList<>();
        final List<String[]> hosts = new ArrayList<>();
        final List<Artifact> artifacts = new ArrayList<>();
        final Map<String, String> instructions = new LinkedHashMap<>();
        final Map<String, String> properties = new LinkedHashMap<>();

        Unit(String id, String version) {
            this.id = id;
            this.version = version;
            provides.add(new String[] {"org.eclipse.equinox.p2.iu", id, version});
        }

        /** A feature: a group unit {@code id.feature.group}, metadata only. */
        static Unit feature(String featureId, String version) {
            Unit u = new Unit(featureId + ".feature.group", version);
            u.group = true;
            u.properties.put("org.eclipse.equinox.p2.name", featureId);
            u.properties.put("org.eclipse.equinox.p2.type.group", "true");
            return u;
        }

        /**
         * A bundle unit whose artifact is {@code jar}, with the instructions p2's publisher and the
         * default configuration unit give a bundle: install, uninstall, and started at level 4.
         */
        static Unit bundle(String bsn, String version, Path jar, String manifest) {
            Unit u = new Unit(bsn, version);
            u.provides.add(new String[] {"osgi.bundle", bsn, version});
            u.provides.add(new String[] {"org.eclipse.equinox.p2.eclipse.type", "bundle", "1.0.0"});
            u.artifacts.add(new Artifact("osgi.bundle", bsn, version, jar));
            u.touchpoint = "org.eclipse.equinox.p2.osgi";
            u.touchpointVersion = "1.0.0";
            u.instructions.put("manifest", manifest);
            u.instructions.put("install", "installBundle(bundle:${artifact})");
            u.instructions.put("uninstall", "uninstallBundle(bundle:${artifact})");
            u.instructions.put("configure", "setStartLevel(startLevel:4);markStarted(started:true);");
            u.instructions.put("unconfigure", "setStartLevel(startLevel:-1);markStarted(started:false);");
            return u;
        }

        /** A feature's jar unit ({@code id.feature.jar}), which p2 keeps unpacked in the bundle pool. */
        static Unit featureJar(String featureId, String version, Path jar) {
            Unit u = new Unit(featureId + ".feature.jar", version);
            u.provides.add(new String[] {"org.eclipse.equinox.p2.eclipse.type", "feature", "1.0.0"});
            u.provides.add(new String[] {"org.eclipse.update.feature", featureId, version});
            u.artifacts.add(new Artifact("org.eclipse.update.feature", featureId, version, jar));
            u.touchpoint = "org.eclipse.equinox.p2.osgi";
            u.touchpointVersion = "1.0.0";
            u.instructions.put("zipped", "true");
            u.instructions.put("install", "installFeature(feature:${artifact},featureId:default,featureVersion:default)");
            u.instructions.put("uninstall", "uninstallFeature(feature:${artifact},featureId:default,featureVersion:default)");
            return u;
        }

        Unit requires(String unitId, String version) {
            requires.add(new String[] {"org.eclipse.equinox.p2.iu", unitId, "[" + version + "," + version + "]"});
            return this;
        }

        Unit touchpoint(String type, String typeVersion) {
            touchpoint = type;
            touchpointVersion = typeVersion;
            return this;
        }

        Unit instruction(String phase, String text) {
            instructions.put(phase, text);
            return this;
        }

        /** Makes this a fragment (a configuration unit) attached to every unit providing {@code hostId}. */
        Unit fragmentOf(String hostId) {
            hosts.add(new String[] {"org.eclipse.equinox.p2.iu", hostId, "0.0.0"});
            properties.put("org.eclipse.equinox.p2.type.fragment", "true");
            provides.add(new String[] {"org.eclipse.equinox.p2.flavor", "tooling", "1.0.0"});
            return this;
        }
    }

    private final Path folder;
    private final List<Unit> units = new ArrayList<>();
    private final List<String> mappings = new ArrayList<>(List.of(
        "(& (classifier=osgi.bundle))|${repoUrl}/plugins/${id}_${version}.jar",
        "(& (classifier=binary))|${repoUrl}/binary/${id}_${version}",
        "(& (classifier=org.eclipse.update.feature))|${repoUrl}/features/${id}_${version}.jar"));

    TestRepo(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    URI uri() {
        return folder.toUri();
    }

    TestRepo add(Unit... u) {
        units.addAll(List.of(u));
        return this;
    }

    /** Replaces the artifact mapping rules: {@code filter|output} each. */
    TestRepo mappings(List<String> rules) {
        mappings.clear();
        mappings.addAll(rules);
        return this;
    }

    /** Writes content.xml and artifacts.xml, and copies each artifact to where the mapping puts it. */
    TestRepo write() throws IOException {
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("content.xml"), content(), StandardCharsets.UTF_8);
        Files.writeString(folder.resolve("artifacts.xml"), artifacts(), StandardCharsets.UTF_8);
        for (Unit u : units) {
            for (Artifact a : u.artifacts) {
                Path target = switch (a.classifier()) {
                    case "osgi.bundle" -> folder.resolve("plugins").resolve(a.id() + "_" + a.version() + ".jar");
                    case "org.eclipse.update.feature" -> folder.resolve("features").resolve(a.id() + "_" + a.version() + ".jar");
                    default -> folder.resolve("binary").resolve(a.id() + "_" + a.version());
                };
                if (!a.id().contains("/") && !a.id().contains("..") && Files.exists(a.file())) {
                    Files.createDirectories(target.getParent());
                    if (!Files.exists(target) || !Files.isSameFile(target, a.file())) {
                        Files.copy(a.file(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        return this;
    }

    String content() {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version='1.0' encoding='UTF-8'?>\n<?metadataRepository version='1.2.0'?>\n");
        b.append("<repository name='test' type='org.eclipse.equinox.internal.p2.metadata.repository.LocalMetadataRepository' version='1'>\n");
        b.append("  <properties size='1'><property name='p2.timestamp' value='1700000000000'/></properties>\n");
        b.append("  <units size='").append(units.size()).append("'>\n");
        for (Unit u : units) {
            b.append("    <unit id='").append(x(u.id)).append("' version='").append(x(u.version)).append("'")
                .append(u.singleton ? " singleton='true'" : " singleton='false'").append(">\n");
            if (!u.hosts.isEmpty()) {
                b.append("      <hostRequirements size='").append(u.hosts.size()).append("'>");
                for (String[] h : u.hosts) {
                    b.append("<required namespace='").append(x(h[0])).append("' name='").append(x(h[1]))
                        .append("' range='").append(x(h[2])).append("'/>");
                }
                b.append("</hostRequirements>\n");
            }
            if (!u.properties.isEmpty()) {
                b.append("      <properties size='").append(u.properties.size()).append("'>");
                u.properties.forEach((k, v) -> b.append("<property name='").append(x(k)).append("' value='").append(x(v)).append("'/>"));
                b.append("</properties>\n");
            }
            b.append("      <provides size='").append(u.provides.size()).append("'>");
            for (String[] p : u.provides) {
                b.append("<provided namespace='").append(x(p[0])).append("' name='").append(x(p[1])).append("' version='")
                    .append(x(p[2])).append("'/>");
            }
            b.append("</provides>\n");
            List<String[]> reqs = new ArrayList<>(u.requires);
            reqs.addAll(u.hosts);
            if (!reqs.isEmpty()) {
                b.append("      <requires size='").append(reqs.size()).append("'>");
                for (String[] r : reqs) {
                    b.append("<required namespace='").append(x(r[0])).append("' name='").append(x(r[1])).append("' range='")
                        .append(x(r[2])).append("'/>");
                }
                b.append("</requires>\n");
            }
            if (!u.artifacts.isEmpty()) {
                b.append("      <artifacts size='").append(u.artifacts.size()).append("'>");
                for (Artifact a : u.artifacts) {
                    b.append("<artifact classifier='").append(x(a.classifier())).append("' id='").append(x(a.id()))
                        .append("' version='").append(x(a.version())).append("'/>");
                }
                b.append("</artifacts>\n");
            }
            b.append("      <touchpoint id='").append(x(u.touchpoint)).append("' version='").append(x(u.touchpointVersion)).append("'/>\n");
            if (!u.instructions.isEmpty()) {
                b.append("      <touchpointData size='1'><instructions size='").append(u.instructions.size()).append("'>");
                u.instructions.forEach((k, v) -> b.append("<instruction key='").append(x(k)).append("'>").append(x(v)).append("</instruction>"));
                b.append("</instructions></touchpointData>\n");
            }
            b.append("    </unit>\n");
        }
        b.append("  </units>\n</repository>\n");
        return b.toString();
    }

    String artifacts() throws IOException {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version='1.0' encoding='UTF-8'?>\n<?artifactRepository version='1.1.0'?>\n");
        b.append("<repository name='test' type='org.eclipse.equinox.p2.artifact.repository.simpleRepository' version='1'>\n");
        b.append("  <properties size='1'><property name='p2.timestamp' value='1700000000000'/></properties>\n");
        b.append("  <mappings size='").append(mappings.size()).append("'>");
        for (String m : mappings) {
            String[] f = m.split("\\|", 2);
            b.append("<rule filter='").append(x(f[0])).append("' output='").append(x(f[1])).append("'/>");
        }
        b.append("</mappings>\n");
        List<Artifact> all = new ArrayList<>();
        units.forEach(u -> all.addAll(u.artifacts));
        b.append("  <artifacts size='").append(all.size()).append("'>\n");
        for (Artifact a : all) {
            long size = Files.exists(a.file()) ? Files.size(a.file()) : 0;
            b.append("    <artifact classifier='").append(x(a.classifier())).append("' id='").append(x(a.id()))
                .append("' version='").append(x(a.version())).append("'><properties size='2'>")
                .append("<property name='artifact.size' value='").append(size).append("'/>")
                .append("<property name='download.size' value='").append(size).append("'/>")
                .append("</properties></artifact>\n");
        }
        b.append("  </artifacts>\n</repository>\n");
        return b.toString();
    }

    private static String x(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;")
            .replace("\"", "&quot;").replace("\n", "&#xA;");
    }

    /** A composite repository in {@code folder} whose children are the given locations. */
    static void composite(Path folder, List<URI> children) throws IOException {
        Files.createDirectories(folder);
        for (String[] kind : new String[][] {
            {"compositeContent.xml", "compositeMetadataRepository",
                "org.eclipse.equinox.internal.p2.metadata.repository.CompositeMetadataRepository"},
            {"compositeArtifacts.xml", "compositeArtifactRepository",
                "org.eclipse.equinox.internal.p2.artifact.repository.CompositeArtifactRepository"}}) {
            StringBuilder b = new StringBuilder("<?xml version='1.0' encoding='UTF-8'?>\n<?" + kind[1] + " version='1.0.0'?>\n");
            b.append("<repository name='composite' type='").append(kind[2]).append("' version='1.0.0'>\n");
            b.append("  <properties size='1'><property name='p2.timestamp' value='1700000000000'/></properties>\n");
            b.append("  <children size='").append(children.size()).append("'>");
            children.forEach(c -> b.append("<child location='").append(x(c.toString())).append("'/>"));
            b.append("</children>\n</repository>\n");
            Files.writeString(folder.resolve(kind[0]), b.toString(), StandardCharsets.UTF_8);
        }
    }
}
