package io.convergence.ui.trend.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;

import javax.xml.parsers.DocumentBuilderFactory;

import io.convergence.testing.ui.ModelFragments;
import io.convergence.ui.workbench.points.PointHandoff;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import jakarta.annotation.PostConstruct;

/**
 * The bundle contributes the view as the workbench expects (docs/CONTRIBUTING.md, ADR 5): only a
 * part descriptor, under the application, in category Trends, starting in the Operate centre
 * stack, whose class loads.
 */
class ModelFragmentTest {

    @Test
    void theFragmentAddsOnlyTheTrendDescriptorAndItsClassLoads() throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(io.convergence.ui.trend.internal.TrendPart.class);
        Element extension = (Element) parse(bundle, "plugin.xml").getElementsByTagName("extension").item(0);
        assertEquals("org.eclipse.e4.workbench.model", extension.getAttribute("point"));
        Element fragmentRef = (Element) extension.getElementsByTagName("fragment").item(0);
        assertEquals("fragment.e4xmi", fragmentRef.getAttribute("uri"));
        assertEquals("always", fragmentRef.getAttribute("apply"));

        Document fragment = parse(bundle, "fragment.e4xmi");
        NodeList fragments = fragment.getElementsByTagName("fragments");
        assertEquals(1, fragments.getLength(), "one fragment");
        Element f = (Element) fragments.item(0);
        assertEquals("descriptors", f.getAttribute("featurename"));
        assertEquals("xpath:/", f.getAttribute("parentElementId"));
        NodeList elements = f.getElementsByTagName("elements");
        assertEquals(1, elements.getLength(), "only the descriptor, no part in a stack");
        Element d = (Element) elements.item(0);
        assertEquals("basic:PartDescriptor", d.getAttribute("xsi:type"));
        assertEquals("io.convergence.ui.trend.view", d.getAttribute("elementId"));
        assertEquals(PointHandoff.TREND, ModelFragments.persistedState(d, PointHandoff.RECEIVES), "it takes points to draw");
        assertEquals("Trend", d.getAttribute("label"));
        assertEquals("Trends", d.getAttribute("category"));
        Element state = (Element) d.getElementsByTagName("persistedState").item(0);
        assertEquals("convergence.defaultStack", state.getAttribute("key"));
        assertEquals("io.convergence.ui.operate.center", state.getAttribute("value"));

        String uri = d.getAttribute("contributionURI");
        String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
        assertTrue(uri.startsWith(prefix), uri);
        Class<?> part = bundle.loadClass(uri.substring(prefix.length()));
        assertTrue(Arrays.stream(part.getMethods()).anyMatch(m -> m.isAnnotationPresent(PostConstruct.class)),
            part + " has a @PostConstruct method");
    }

    private static Document parse(Bundle bundle, String entry) throws Exception {
        URL url = bundle.getEntry(entry);
        assertNotNull(url, entry + " is in the bundle");
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        try (InputStream in = url.openStream()) {
            return factory.newDocumentBuilder().parse(in);
        }
    }
}
