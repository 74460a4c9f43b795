package io.convergence.ui.features.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

import io.convergence.admin.AvailableFeature;
import io.convergence.admin.Change;
import io.convergence.admin.ChangePlan;
import io.convergence.admin.FeatureException;
import io.convergence.admin.FeatureService;
import io.convergence.admin.InstalledFeature;
import io.convergence.admin.ProfileState;
import io.convergence.admin.Progress;
import io.convergence.admin.TrustPolicy;
import io.convergence.admin.TrustState;

import org.eclipse.osgi.util.NLS;
import org.jspecify.annotations.Nullable;

/**
 * What the Features view shows and does, without SWT: the installed features as last read, why they
 * could not be read, and the changes the view's buttons stand for. The service calls block (p2 reads
 * repositories and the disk): call them off the UI thread. The accessors are safe from any thread.
 */
public final class FeaturesModel {

    private final Supplier<@Nullable FeatureService> service;
    private volatile List<InstalledFeature> installed = List.of();
    private volatile @Nullable String problem;
    private volatile long version;

    /**
     * @param service the feature service now, or {@code null} while there is none (the one e4
     *            injects in the workbench, a fake in tests)
     */
    public FeaturesModel(Supplier<@Nullable FeatureService> service) {
        this.service = service;
    }

    /** Reads the installed features again; on failure keeps the last list and says why in {@link #problem()}. */
    public synchronized void refresh() {
        String why;
        try {
            installed = List.copyOf(service().installed());
            why = null;
        } catch (FeatureException e) {
            why = NLS.bind(Messages.Model_readFailed, e.getMessage());
        } catch (RuntimeException e) {
            // A broken provider must not leave the view saying it is still reading.
            why = NLS.bind(Messages.Model_readFailed, NLS.bind(Messages.Error_unexpected, e.toString()));
        }
        problem = why;
        version++;
    }

    /** The installed features as last read, root features first. */
    public List<InstalledFeature> installed() {
        return installed;
    }

    /** Why the list could not be read or may be out of date; {@code null} when it was read. */
    public @Nullable String problem() {
        return problem;
    }

    /** Changes whenever {@link #refresh()} ran, so a view can tell whether to draw again. */
    public long version() {
        return version;
    }

    /** The installed feature with this id; {@code null} if none. */
    public @Nullable InstalledFeature find(@Nullable String id) {
        for (InstalledFeature f : installed) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        return null;
    }

    /** One line about the list, such as {@code 9 features, 3 of them root}. */
    public String summary() {
        if (problem != null && installed.isEmpty()) {
            return Messages.Model_summaryUnknown;
        }
        long roots = installed.stream().filter(InstalledFeature::root).count();
        return NLS.bind(Messages.Model_summary, installed.size(), roots);
    }

    /** Whether the feature can be updated or uninstalled here: only what an admin installed can. */
    public static boolean changeable(@Nullable InstalledFeature f) {
        return f != null && f.root();
    }

    /** The details pane's text for a feature: provider, signer and trust, and the bundles it holds. */
    public static String details(@Nullable InstalledFeature f) {
        if (f == null) {
            return Messages.Details_none;
        }
        StringBuilder b = new StringBuilder();
        b.append(f.name()).append(' ').append(f.version()).append(" (").append(f.id()).append(")\n");
        b.append(NLS.bind(Messages.Details_provider, f.provider().isEmpty() ? Messages.Details_unknown : f.provider())).append('\n');
        b.append(NLS.bind(Messages.Details_signer, f.signer().isEmpty() ? Messages.Details_notSigned : f.signer())).append('\n');
        b.append(NLS.bind(Messages.Details_trust, trustDescription(f.trust()))).append('\n');
        b.append(f.root() ? Messages.Details_root : Messages.Details_notRoot).append("\n\n");
        b.append(NLS.bind(Messages.Details_bundles, f.bundles().size())).append('\n');
        for (String bundle : f.bundles()) {
            b.append("  ").append(bundle).append('\n');
        }
        return b.toString().stripTrailing();
    }

    /** The trust column's word. */
    public static String trustLabel(TrustState t) {
        return switch (t) {
            case TRUSTED -> Messages.Trust_TRUSTED;
            case UNTRUSTED -> Messages.Trust_UNTRUSTED;
            case UNSIGNED -> Messages.Trust_UNSIGNED;
            case PRODUCT -> Messages.Trust_PRODUCT;
        };
    }

    /** What a trust state means, in a sentence. */
    public static String trustDescription(TrustState t) {
        return switch (t) {
            case TRUSTED -> Messages.TrustText_TRUSTED;
            case UNTRUSTED -> Messages.TrustText_UNTRUSTED;
            case UNSIGNED -> Messages.TrustText_UNSIGNED;
            case PRODUCT -> Messages.TrustText_PRODUCT;
        };
    }

    // ---- changes -------------------------------------------------------------------------------

    /** Installing exactly the version the repository offers, from that repository. */
    public static Change install(AvailableFeature f) {
        return new Change.Install(f.id(), f.version(), List.of(f.repository()));
    }

    /** Updating one root feature from the configured repositories. */
    public static Change update(InstalledFeature f) {
        return new Change.Update(List.of(f.id()), List.of());
    }

    public static Change uninstall(InstalledFeature f) {
        return new Change.Uninstall(f.id());
    }

    public static Change revert(ProfileState s) {
        return new Change.Revert(s.number());
    }

    /**
     * Reads what the user typed as a repository: an {@code http(s)}, {@code file} or {@code jar}
     * URL, or a local folder or archive path.
     *
     * @throws FeatureException of kind {@code INVALID}, saying what is wrong in plain words
     */
    public static URI parseRepository(String text) throws FeatureException {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new FeatureException(FeatureException.Kind.INVALID, Messages.Repository_empty);
        }
        if (t.startsWith("/") || t.startsWith("~/") || t.startsWith("./")) {
            try {
                String home = System.getProperty("user.home", "");
                return Path.of(t.startsWith("~/") ? home + t.substring(1) : t).toAbsolutePath().normalize().toUri();
            } catch (InvalidPathException e) {
                throw new FeatureException(FeatureException.Kind.INVALID, NLS.bind(Messages.Repository_badPath, t));
            }
        }
        URI uri;
        try {
            uri = new URI(t);
        } catch (URISyntaxException e) {
            throw new FeatureException(FeatureException.Kind.INVALID, NLS.bind(Messages.Repository_badUrl, t, e.getReason()));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new FeatureException(FeatureException.Kind.INVALID, NLS.bind(Messages.Repository_noHost, t));
                }
            }
            case "file", "jar" -> {
                // a local repository
            }
            default -> throw new FeatureException(FeatureException.Kind.INVALID, NLS.bind(Messages.Repository_badScheme, t));
        }
        return uri;
    }

    // ---- service calls (blocking) --------------------------------------------------------------

    /** The configured repositories, to offer in the install dialog; empty if the service cannot say. */
    public List<URI> configuredRepositories() {
        try {
            return service().repositories();
        } catch (FeatureException e) {
            return List.of();
        }
    }

    /** Remembers a repository the user installed from, after the configured ones. */
    public void rememberRepository(URI repository) throws FeatureException {
        FeatureService s = service();
        Set<URI> all = new LinkedHashSet<>(s.repositories());
        if (all.add(repository)) {
            s.setRepositories(new ArrayList<>(all));
        }
    }

    public List<AvailableFeature> available(URI repository, Progress progress) throws FeatureException {
        return service().available(List.of(repository), progress);
    }

    public ChangePlan preview(Change change, Progress progress) throws FeatureException {
        return service().preview(change, progress);
    }

    /** Carries out the change, then reads the installed features again (also when it failed). */
    public ChangePlan apply(Change change, Progress progress) throws FeatureException {
        try {
            return service().apply(change, progress);
        } finally {
            refresh();
        }
    }

    public List<ProfileState> history() throws FeatureException {
        return service().history();
    }

    public TrustPolicy trustPolicy() throws FeatureException {
        return service().trustPolicy();
    }

    public void setTrustPolicy(TrustPolicy policy) throws FeatureException {
        service().setTrustPolicy(policy);
    }

    public TrustPolicy trust(Path keyOrCertificate) throws FeatureException {
        return service().trust(keyOrCertificate);
    }

    /** Whether a feature service is running now. */
    public boolean serviceAvailable() {
        return service.get() != null;
    }

    private FeatureService service() throws FeatureException {
        FeatureService s = service.get();
        if (s == null) {
            throw new FeatureException(FeatureException.Kind.FAILED, Messages.Model_noService);
        }
        return s;
    }
}
