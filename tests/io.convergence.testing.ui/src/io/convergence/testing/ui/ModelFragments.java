package io.convergence.testing.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javax.xml.parsers.DocumentBuilderFactory;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Checks a view bundle's contribution to the workbench model: part descriptors only (ADR 0005). */
public final class ModelFragments {

    private ModelFragments() {
    }

    /**
     * Checks that the bundle of {@code part} applies its fragment always, that the fragment adds only
     * part descriptors to {@code descriptors}, and that each names {@code part}, an icon the bundle
     * holds and a default stack; {@code checkDescriptor} checks more of each descriptor first.
     *
     * @return {@code "<elementId> -> <default stack>"} of each descriptor, in order
     */
    public static List<String> checkDescriptors(Class<?> part, Consumer<Element> checkDescriptor) throws Exception {
        Bundle bundle = FrameworkUtil.getBundle(part);
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
            checkDescriptor.accept(d);
            String uri = d.getAttribute("contributionURI");
            String prefix = "bundleclass://" + bundle.getSymbolicName() + "/";
            assertTrue(uri.startsWith(prefix), uri);
            assertEquals(part, bundle.loadClass(uri.substring(prefix.length())));
            String icon = d.getAttribute("iconURI");
            assertNotNull(bundle.getEntry(icon.substring(("platform:/plugin/" + bundle.getSymbolicName() + "/").length())), icon);
            String stack = persistedState(d, "convergence.defaultStack");
            assertNotNull(stack, "a default stack");
            seen.add(d.getAttribute("elementId") + " -> " + stack);
        }
        return seen;
    }

    /** A descriptor's persisted-state value of that key, or {@code null}. */
    public static String persistedState(Element descriptor, String key) {
        NodeList states = descriptor.getElementsByTagName("persistedState");
        for (int i = 0; i < states.getLength(); i++) {
            Element e = (Element) states.item(i);
            if (key.equals(e.getAttribute("key"))) {
                return e.getAttribute("value");
            }
        }
        return null;
    }

    /** Parses an XML file of the bundle; fails if the bundle does not hold it. */
    public static Document read(Bundle bundle, String path) throws Exception {
        var url = bundle.getEntry(path);
        assertNotNull(url, path + " is in the bundle");
        try (InputStream in = url.openStream()) {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
        }
    }
}
