package io.convergence.admin.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.p2.metadata.IArtifactKey;
import org.eclipse.equinox.p2.repository.artifact.IArtifactDescriptor;
import org.eclipse.equinox.p2.repository.artifact.IArtifactRepository;
import org.osgi.framework.Bundle;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Whether a bundle adds a processor to the workbench's application model. The workbench merges a
 * view bundle's model fragments while it runs (views come and go live), but runs model processors
 * only at start: a bundle that brings one is the part of the workbench model that still needs a
 * restart.
 */
final class ModelProcessors {

    /** The extension point through which bundles contribute to the workbench's application model. */
    static final String EXTENSION_POINT = "org.eclipse.e4.workbench.model";

    private static final int MAX_DESCRIPTOR_BYTES = 4 << 20;

    private ModelProcessors() {
    }

    /** Why bundles that add model processors need a restart. */
    static String reason(List<String> bundles) {
        return String.join(", ", bundles) + (bundles.size() == 1 ? " adds a processor" : " add processors")
            + " to the workbench's application model, which the workbench runs only at start: restart it to apply";
    }

    /** Whether an installed bundle's {@code plugin.xml} declares a model processor. */
    static boolean declares(Bundle b) {
        URL entry = b.getEntry("plugin.xml");
        if (entry == null) {
            return false;
        }
        try (InputStream in = entry.openStream()) {
            return declares(in);
        } catch (IOException e) {
            return false; // an unreadable plugin.xml contributes nothing the workbench could read either
        }
    }

    /**
     * Whether the bundle jar a repository holds declares a model processor; reads the artifact, so it
     * is asked only of bundles that build on the workbench model (small UI bundles).
     */
    static boolean declares(IArtifactRepository repo, IArtifactKey key) {
        for (IArtifactDescriptor d : repo.getArtifactDescriptors(key)) {
            if (d.getProperty("format") != null) {
                continue; // a packed form; the canonical one follows
            }
            ByteArrayOutputStream jar = new ByteArrayOutputStream();
            IStatus s = repo.getArtifact(d, jar, new NullProgressMonitor());
            if (!s.isOK()) {
                continue;
            }
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(jar.toByteArray()))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    if (e.getName().equals("plugin.xml")) {
                        return declares(new ByteArrayInputStream(zip.readNBytes(MAX_DESCRIPTOR_BYTES)));
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }

    /** Whether a {@code plugin.xml} has a {@code processor} in an extension of {@value #EXTENSION_POINT}. */
    static boolean declares(InputStream pluginXml) throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            NodeList extensions = f.newDocumentBuilder().parse(pluginXml).getElementsByTagName("extension");
            for (int i = 0; i < extensions.getLength(); i++) {
                Element ext = (Element) extensions.item(i);
                if (EXTENSION_POINT.equals(ext.getAttribute("point"))
                    && ext.getElementsByTagName("processor").getLength() > 0) {
                    return true;
                }
            }
            return false;
        } catch (ParserConfigurationException | SAXException e) {
            return false; // not a descriptor the workbench could read: it contributes nothing
        }
    }
}
