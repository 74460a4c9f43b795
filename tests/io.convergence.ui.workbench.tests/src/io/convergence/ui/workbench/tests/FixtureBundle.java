package io.convergence.ui.workbench.tests;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import io.convergence.ui.workbench.tests.fixture.FixturePart;

import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Builds the view bundle the tests install: a manifest, a {@code plugin.xml} registering a model
 * fragment with e4, the fragment with one part descriptor (category, default stack), and the
 * classes of {@link FixturePart} as compiled in this test bundle: laid out as a partner's view
 * bundle is (see docs/partner-guide.md).
 */
final class FixtureBundle {

    static final String SYMBOLIC_NAME = "io.convergence.ui.fixture.view";
    static final String VIEW_ID = "io.convergence.ui.fixture.view.part";
    static final String CATEGORY = "Fixtures";
    static final String STACK = "io.convergence.ui.operate.bottom";
    /** What the view declares it does with points handed to it. */
    static final String PURPOSE = "fixture";

    private FixtureBundle() {
    }

    /** Writes {@code <dir>/fixture-<version>.jar}: a view labelled {@code label} at {@code version}. */
    static Path build(Path dir, String version, String label) throws IOException {
        Files.createDirectories(dir);
        Path jar = dir.resolve("fixture-" + version + ".jar");
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", SYMBOLIC_NAME + ";singleton:=true");
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Name", "Fixture view");
        a.putValue("Bundle-ActivationPolicy", "lazy");
        a.putValue("Require-Bundle", "org.eclipse.swt,org.eclipse.e4.core.di.annotations,org.eclipse.e4.core.services,"
            + "org.eclipse.e4.ui.model.workbench");
        a.putValue("Import-Package", "io.convergence.api.point;version=\"[1.1,2)\","
            + "io.convergence.ui.workbench.points;version=\"[2.0,3)\","
            + "jakarta.annotation;version=\"[2.1,3)\",jakarta.inject;version=\"[2.0,3)\","
            + "org.osgi.framework;version=\"[1.10,2)\"");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, mf)) {
            put(j, "plugin.xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <?eclipse version="3.4"?>
                <plugin>
                   <extension point="org.eclipse.e4.workbench.model">
                      <fragment uri="fragment.e4xmi" apply="always"/>
                   </extension>
                </plugin>
                """);
            put(j, "fragment.e4xmi", """
                <?xml version="1.0" encoding="UTF-8"?>
                <fragment:ModelFragments xmi:version="2.0" xmlns:xmi="http://www.omg.org/XMI" \
                xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
                xmlns:basic="http://www.eclipse.org/ui/2010/UIModel/application/descriptor/basic" \
                xmlns:fragment="http://www.eclipse.org/ui/2010/UIModel/fragment" xmi:id="_fixture_fragments">
                  <fragments xsi:type="fragment:StringModelFragment" xmi:id="_fixture_fragment" featurename="descriptors" parentElementId="xpath:/">
                    <elements xsi:type="basic:PartDescriptor" xmi:id="_fixture_descriptor" elementId="%s" label="%s" \
                tooltip="A view installed while the workbench runs" category="%s" closeable="true" \
                contributionURI="bundleclass://%s/%s">
                      <persistedState key="convergence.defaultStack" value="%s"/>
                      <persistedState key="convergence.points.receive" value="%s"/>
                    </elements>
                  </fragments>
                </fragment:ModelFragments>
                """.formatted(VIEW_ID, label, CATEGORY, SYMBOLIC_NAME, FixturePart.class.getName(), STACK, PURPOSE));
            // Listed through the wiring: the test bundle may run from a folder of classes or a jar.
            BundleWiring self = FrameworkUtil.getBundle(FixtureBundle.class).adapt(BundleWiring.class);
            String folder = FixturePart.class.getPackageName().replace('.', '/');
            Collection<String> classes = self.listResources(folder, "*.class", BundleWiring.LISTRESOURCES_LOCAL);
            if (classes.isEmpty()) {
                throw new IOException("no classes under " + folder + " in " + self.getBundle().getSymbolicName());
            }
            for (String name : classes) {
                URL u = self.getClassLoader().getResource(name);
                try (InputStream in = u.openStream()) {
                    j.putNextEntry(new JarEntry(name));
                    in.transferTo(j);
                    j.closeEntry();
                }
            }
        }
        return jar;
    }

    private static void put(JarOutputStream j, String name, String text) throws IOException {
        j.putNextEntry(new JarEntry(name));
        j.write(text.getBytes(StandardCharsets.UTF_8));
        j.closeEntry();
    }
}
