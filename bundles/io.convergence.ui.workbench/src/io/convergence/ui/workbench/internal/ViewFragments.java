package io.convergence.ui.workbench.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtension;
import org.eclipse.core.runtime.IExtensionPoint;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.MApplicationElement;
import org.eclipse.e4.ui.model.fragment.MModelFragment;
import org.eclipse.e4.ui.model.fragment.MModelFragments;
import org.eclipse.emf.common.util.URI;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.EReference;
import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.resource.impl.ResourceSetImpl;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.emf.ecore.xmi.XMLResource;
import org.jspecify.annotations.Nullable;

/**
 * A bundle's model fragments, as its {@code plugin.xml} declares them to the workbench (extension
 * point {@value #EXTENSION_POINT}, the one e4 reads at start), merged into the running application
 * the way e4 merges them at start: same ids, the bundle named as contributor, imports resolved.
 * e4 itself reads these declarations only at start; this is what makes a view installed later show.
 */
final class ViewFragments {

    static final String EXTENSION_POINT = "org.eclipse.e4.workbench.model";
    private static final String CONTRIBUTOR_SCHEME = "platform:/plugin/";

    /** One {@code <fragment uri="…" apply="…"/>} of a bundle's plugin.xml. */
    record Declared(String bundle, String uri, String apply) {
    }

    private ViewFragments() {
    }

    /** The fragments a bundle declares; empty for a bundle that contributes none. */
    static List<Declared> declared(IExtensionRegistry registry, String bsn) {
        IExtensionPoint point = registry.getExtensionPoint(EXTENSION_POINT);
        List<Declared> out = new ArrayList<>();
        if (point == null) {
            return out;
        }
        for (IExtension ext : point.getExtensions()) {
            if (!bsn.equals(ext.getContributor().getName())) {
                continue;
            }
            for (IConfigurationElement ce : ext.getConfigurationElements()) {
                String uri = ce.getAttribute("uri");
                if ("fragment".equals(ce.getName()) && uri != null) {
                    String apply = ce.getAttribute("apply");
                    out.add(new Declared(bsn, uri, apply == null ? "always" : apply));
                }
            }
        }
        return out;
    }

    /**
     * Merges a declared fragment file into the running application. A fragment marked
     * {@code apply="initial"} is for a fresh workspace only and is skipped; {@code notexists} adds
     * only elements whose id the model does not hold yet; {@code always} adds or replaces.
     *
     * @return the elements added to the model
     * @throws IllegalStateException if the file cannot be read or holds no model fragments
     */
    static List<MApplicationElement> merge(MApplication app, Declared d) {
        if ("initial".equals(d.apply())) {
            return List.of();
        }
        Resource appResource = ((EObject) app).eResource();
        if (appResource == null) {
            throw new IllegalStateException("the application model has no resource to merge " + d.uri() + " into");
        }
        // A resource set of its own: the application's caches the fragments it read at start, and a
        // bundle installed again must be read again. Factories and URI handling are the application's.
        ResourceSet appSet = appResource.getResourceSet();
        ResourceSet set = new ResourceSetImpl();
        if (appSet != null) {
            set.setResourceFactoryRegistry(appSet.getResourceFactoryRegistry());
            set.setURIConverter(appSet.getURIConverter());
            set.setPackageRegistry(appSet.getPackageRegistry());
        }
        URI uri = d.uri().startsWith("platform:") ? URI.createURI(d.uri())
            : URI.createPlatformPluginURI(d.bundle() + "/" + d.uri(), false);
        Resource r;
        try {
            r = set.getResource(uri, true);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot read the model fragment " + uri + ": " + e.getMessage(), e);
        }
        if (r.getContents().isEmpty() || !(r.getContents().get(0) instanceof MModelFragments container)) {
            throw new IllegalStateException(uri + " holds no model fragments");
        }
        String contributor = CONTRIBUTOR_SCHEME + d.bundle();
        List<MApplicationElement> merged = new ArrayList<>();
        for (MModelFragment fragment : container.getFragments()) {
            for (MApplicationElement el : List.copyOf(fragment.getElements())) {
                if ("notexists".equals(d.apply()) && find(app, el.getElementId()) != null) {
                    fragment.getElements().remove(el);
                    continue;
                }
                adopt(appResource, r, (EObject) el, contributor);
            }
            merged.addAll(fragment.merge(app));
        }
        resolveImports(app, container.getImports(), merged);
        return merged;
    }

    /** Keeps the fragment's ids for the element and its content, and names the bundle as contributor. */
    private static void adopt(Resource appResource, Resource from, EObject root, String contributor) {
        List<EObject> all = new ArrayList<>();
        all.add(root);
        root.eAllContents().forEachRemaining(all::add);
        for (EObject o : all) {
            if (o instanceof MApplicationElement e) {
                e.setContributorURI(contributor);
            }
            if (appResource instanceof XMLResource to && from instanceof XMLResource fr && fr.getID(o) != null) {
                to.setID(o, fr.getID(o));
            }
        }
    }

    /** Points references to a fragment's imports at the application's elements of the same id. */
    private static void resolveImports(MApplication app, List<MApplicationElement> imports, List<MApplicationElement> merged) {
        if (imports.isEmpty()) {
            return;
        }
        Map<EObject, MApplicationElement> real = new HashMap<>();
        for (MApplicationElement i : imports) {
            MApplicationElement found = find(app, i.getElementId());
            if (found != null) {
                real.put((EObject) i, found);
            }
        }
        for (MApplicationElement m : merged) {
            List<EObject> all = new ArrayList<>();
            all.add((EObject) m);
            ((EObject) m).eAllContents().forEachRemaining(all::add);
            for (EObject o : all) {
                for (EReference ref : o.eClass().getEAllReferences()) {
                    if (ref.isContainment() || ref.isDerived() || !ref.isChangeable()) {
                        continue;
                    }
                    if (ref.isMany()) {
                        @SuppressWarnings("unchecked")
                        List<Object> values = (List<Object>) o.eGet(ref);
                        for (int i = 0; i < values.size(); i++) {
                            MApplicationElement to = real.get(values.get(i));
                            if (to != null) {
                                values.set(i, to);
                            }
                        }
                    } else {
                        MApplicationElement to = real.get(o.eGet(ref));
                        if (to != null) {
                            o.eSet(ref, to);
                        }
                    }
                }
            }
        }
    }

    /** The application's element with that id, searching the whole model. */
    static @Nullable MApplicationElement find(MApplication app, @Nullable String id) {
        if (id == null) {
            return null;
        }
        for (EObject o : (Iterable<EObject>) () -> EcoreUtil.getAllContents((EObject) app, true)) {
            if (o instanceof MApplicationElement e && id.equals(e.getElementId())) {
                return e;
            }
        }
        return null;
    }
}
