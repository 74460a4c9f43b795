package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The bundle adds its view to the workbench model as a part descriptor, and the class it names loads. */
class ModelFragmentTest {

    private static final String VIEW = "io.convergence.ui.connections.view";

    @Test
    void theFragmentDescribesTheViewWithTheEngineerCenterAsDefaultStack() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(io.convergence.ui.connections.internal.ui.ConnectionsPart.class);
        Document plugin = read(bundle, "plugin.xml");
        Element fragment = (Element) plugin.getElementsByTagName("fragment").item(0);
        assertEquals("fragment.e4xmi", fragment.getAttribute("uri"));
        assertEquals("org.eclipse.e4.workbench.model", ((Element) fragment.getParentNode()).getAttribute("point"));

        assertEquals("always", fragment.getAttribute("apply"), "a later install shows up too");

        Document model = read(bundle, "fragment.e4xmi");
        NodeList fragments = model.getElementsByTagName("fragments");
        assertEquals(1, fragments.getLength(), "only a part descriptor: the workbench places it");
        Element f = (Element) fragments.item(0);
        assertEquals("descriptors", f.getAttribute("featurename"));
        Element e = (Element) f.getElementsByTagName("elements").item(0);
        assertTrue(e.getAttribute("xsi:type").endsWith("PartDescriptor"));
        assertEquals(VIEW, e.getAttribute("elementId"));
        assertEquals("Connections", e.getAttribute("label"));
        assertEquals("Plant", e.getAttribute("category"));
        String uri = e.getAttribute("contributionURI");
        String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
        assertTrue(uri.startsWith(prefix), uri);
        assertNotNull(bundle.loadClass(uri.substring(prefix.length())));
        Element state = (Element) e.getElementsByTagName("persistedState").item(0);
        assertEquals("convergence.defaultStack", state.getAttribute("key"));
        assertEquals("io.convergence.ui.engineer.center", state.getAttribute("value"));
    }

    private static Document read(Bundle bundle, String path) throws Exception {
        URL url = bundle.getEntry(path);
        assertNotNull(url, path + " is in the bundle (build.properties bin.includes)");
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            return f.newDocumentBuilder().parse(in);
        }
    }
}
