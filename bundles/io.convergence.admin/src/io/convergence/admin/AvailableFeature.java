package io.convergence.admin;

import java.net.URI;

/**
 * A feature a repository offers.
 *
 * @param id the feature's id
 * @param name its human name
 * @param version the version offered
 * @param provider who publishes it
 * @param repository where it comes from
 * @param installedVersion the version installed now; empty when not installed
 */
public record AvailableFeature(String id, String name, String version, String provider, URI repository,
                               String installedVersion) {

    /** Whether installing it would update an installed feature to a newer version. */
    public boolean update() {
        return !installedVersion.isEmpty() && org.osgi.framework.Version.valueOf(version)
            .compareTo(org.osgi.framework.Version.valueOf(installedVersion)) > 0;
    }
}
