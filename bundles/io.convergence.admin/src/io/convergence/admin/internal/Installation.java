package io.convergence.admin.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.jspecify.annotations.Nullable;
import org.osgi.framework.BundleContext;

import io.convergence.admin.FeatureException;

/**
 * The product installation this process runs from: its folder, its p2 data area and profile, and
 * the admin folder. Changes are serialized across processes by a lock file in the admin folder.
 */
record Installation(Path folder, Path p2, String profileId, Path admin) {

    static Installation of(BundleContext bc) throws FeatureException {
        String area = bc.getProperty("osgi.install.area");
        if (area == null) {
            throw new FeatureException(FeatureException.Kind.FAILED, "no installation folder (osgi.install.area is not set)");
        }
        Path folder = path(area);
        String data = bc.getProperty("eclipse.p2.data.area");
        Path p2 = data != null && !data.startsWith("@") ? path(data) : folder.resolve("p2");
        String profile = bc.getProperty("eclipse.p2.profile");
        Path admin = folder.resolve("admin");
        if (!Files.isDirectory(p2.resolve("org.eclipse.equinox.p2.engine"))) {
            throw new FeatureException(FeatureException.Kind.FAILED, "this installation (" + folder
                + ") has no p2 profile in " + p2 + "; feature management works on an installed product");
        }
        return new Installation(folder, p2, profile == null || profile.isBlank() ? "DefaultProfile" : profile, admin);
    }

    private static Path path(String url) {
        String u = url.startsWith("file:") ? url : "file:" + url;
        try {
            return Path.of(new URI(u.replace(" ", "%20"))).toAbsolutePath().normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Path.of(url.replaceFirst("^file:", "")).toAbsolutePath().normalize();
        }
    }

    /** The bundles.info the launcher and the live applier read. */
    Path bundlesInfo() {
        return folder.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info");
    }

    /** Holds the installation's change lock until closed; fails at once when another process holds it. */
    Lock lock(boolean exclusive) throws FeatureException {
        try {
            Files.createDirectories(admin);
            FileChannel ch = FileChannel.open(admin.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.READ);
            FileLock l;
            try {
                l = ch.tryLock(0, Long.MAX_VALUE, !exclusive);
            } catch (OverlappingFileLockException e) {
                l = null;
            }
            if (l == null) {
                ch.close();
                throw new FeatureException(FeatureException.Kind.FAILED, "another feature change is in progress on "
                    + folder + "; try again when it has finished");
            }
            return new Lock(ch, l);
        } catch (IOException e) {
            throw new FeatureException(FeatureException.Kind.FAILED, "cannot lock " + admin + ": " + e.getMessage(), e);
        }
    }

    /** A held lock. */
    record Lock(FileChannel channel, @Nullable FileLock lock) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock goes with the channel
            }
        }
    }
}
