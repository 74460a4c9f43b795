package io.convergence.ui.connections.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The bundle adds its view to the workbench model: the fragment is declared, and every class it names loads. */
class ModelFragmentTest {

    private static final String VIEW = "io.convergence.ui.connections.view";

    @Test
    void theFragmentPlacesTheViewInTheEngineerPerspectiveAndItsClassesLoad() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(io.convergence.ui.connections.internal.ui.ConnectionsPart.class);
        Document plugin = read(bundle, "plugin.xml");
        Element fragment = (Element) plugin.getElementsByTagName("fragment").item(0);
        assertEquals("fragment.e4xmi", fragment.getAttribute("uri"));
        assertEquals("org.eclipse.e4.workbench.model", ((Element) fragment.getParentNode()).getAttribute("point"));

        Document model = read(bundle, "fragment.e4xmi");
        List<String> parents = new ArrayList<>();
        NodeList fragments = model.getElementsByTagName("fragments");
        for (int i = 0; i < fragments.getLength(); i++) {
            Element f = (Element) fragments.item(i);
            parents.add(f.getAttribute("parentElementId"));
            Element e = (Element) f.getElementsByTagName("elements").item(0);
            assertEquals(VIEW, e.getAttribute("elementId"));
            assertEquals("Connections", e.getAttribute("label"));
            String uri = e.getAttribute("contributionURI");
            String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
            assertTrue(uri.startsWith(prefix), uri);
            assertNotNull(bundle.loadClass(uri.substring(prefix.length())));
            if (e.getAttribute("xsi:type").endsWith("PartDescriptor")) {
                assertEquals("Plant", e.getAttribute("category"));
            }
        }
        assertEquals(List.of("io.convergence.ui.workbench.application", "io.convergence.ui.engineer.center"), parents);
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
