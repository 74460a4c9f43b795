package io.convergence.ui.live.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import io.convergence.ui.live.internal.LiveValuesPart;
import io.convergence.ui.workbench.points.PointHandoff;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The bundle contributes its view to the workbench model as a part descriptor only (ADR 0005),
 * under the id other views hand points to, starting in the Operate perspective's centre stack; the
 * class and icon it names exist.
 */
class ModelFragmentTest {

    @Test
    void theDescriptorNamesTheViewClassItsIconAndTheCentreStack() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(LiveValuesPart.class);
        Element extension = (Element) read(bundle, "plugin.xml").getElementsByTagName("fragment").item(0);
        assertEquals("always", extension.getAttribute("apply"), "installed later, the view still shows up");
        NodeList fragments = read(bundle, extension.getAttribute("uri")).getElementsByTagName("fragments");
        assertEquals(1, fragments.getLength());
        assertEquals("descriptors", ((Element) fragments.item(0)).getAttribute("featurename"));

        List<String> seen = new ArrayList<>();
        NodeList elements = ((Element) fragments.item(0)).getElementsByTagName("elements");
        for (int i = 0; i < elements.getLength(); i++) {
            Element d = (Element) elements.item(i);
            assertTrue(d.getAttribute("xsi:type").endsWith("PartDescriptor"), "descriptors only, no parts");
            assertEquals("Operations", d.getAttribute("category"));
            assertEquals("Live Values", d.getAttribute("label"));
            String uri = d.getAttribute("contributionURI");
            String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
            assertTrue(uri.startsWith(prefix), uri);
            assertEquals(LiveValuesPart.class, bundle.loadClass(uri.substring(prefix.length())));
            String icon = d.getAttribute("iconURI");
            assertNotNull(bundle.getEntry(icon.substring(("platform:/plugin/" + bundle.getSymbolicName() + "/").length())), icon);
            Element state = (Element) d.getElementsByTagName("persistedState").item(0);
            assertEquals("convergence.defaultStack", state.getAttribute("key"));
            seen.add(d.getAttribute("elementId") + " -> " + state.getAttribute("value"));
        }
        assertEquals(List.of(PointHandoff.LIVE_VALUES_VIEW + " -> io.convergence.ui.operate.center"), seen);
    }

    static Document read(Bundle bundle, String path) throws Exception {
        var url = bundle.getEntry(path);
        assertNotNull(url, path + " is in the bundle");
        try (InputStream in = url.openStream()) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
