package io.convergence.admin.internal;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.internal.p2.repository.DownloadStatus;
import org.eclipse.equinox.internal.p2.repository.Transport;
import org.eclipse.equinox.p2.core.ProvisionException;

/**
 * p2's transport on the JDK alone: {@code file:}, {@code jar:} (zipped repositories) and
 * {@code http(s):} through {@link HttpClient}. p2's own transport needs ECF, whose HTTP provider
 * is not published on Maven Central (see docs/adr/0007-feature-management.md); this is the one
 * place that replaces it. Reports each download to a listener, for progress.
 */
final class JdkTransport extends Transport {

    private static final String ID = "io.convergence.admin";
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(Duration.ofSeconds(15)).build();
    private volatile Consumer<String> listener = s -> { };

    void listener(Consumer<String> l) {
        listener = l;
    }

    @Override
    public IStatus download(URI uri, OutputStream target, IProgressMonitor monitor) {
        long start = System.nanoTime();
        try (InputStream in = stream(uri, monitor)) {
            String name = uri.getPath() == null ? uri.toString() : uri.getPath().replaceAll(".*/", "");
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            long lastReport = 0;
            for (int n; (n = in.read(buf)) > 0;) {
                if (monitor != null && monitor.isCanceled()) {
                    return Status.CANCEL_STATUS;
                }
                target.write(buf, 0, n);
                size += n;
                if (size - lastReport >= 1 << 20) {
                    lastReport = size;
                    listener.accept("downloading " + name + " " + (size >> 10) + " kB");
                }
            }
            if (name.endsWith(".jar") && !"file".equalsIgnoreCase(uri.getScheme())) {
                listener.accept("downloaded " + name + " (" + Math.max(1, size >> 10) + " kB)");
            }
            DownloadStatus ok = new DownloadStatus(IStatus.OK, ID, "downloaded " + uri);
            ok.setFileSize(size);
            long nanos = Math.max(1, System.nanoTime() - start);
            ok.setTransferRate(size * 1_000_000_000L / nanos);
            return ok;
        } catch (FileNotFoundException e) {
            return new DownloadStatus(IStatus.ERROR, ID, ProvisionException.ARTIFACT_NOT_FOUND, "not found: " + uri, e);
        } catch (IOException | CoreException e) {
            return new DownloadStatus(IStatus.ERROR, ID, ProvisionException.REPOSITORY_FAILED_READ,
                "cannot read " + uri + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream stream(URI uri, IProgressMonitor monitor) throws FileNotFoundException, CoreException {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        try {
            switch (scheme) {
                case "file":
                    try {
                        InputStream in = Files.newInputStream(Path.of(uri));
                        String path = uri.getPath();
                        if (path != null && path.matches(".*/(plugins|features)/[^/]+\\.jar")) {
                            listener.accept("downloading " + path.replaceAll(".*/", "") + " ("
                                + Math.max(1, Files.size(Path.of(uri)) >> 10) + " kB)");
                        }
                        return in;
                    } catch (NoSuchFileException e) {
                        throw new FileNotFoundException(uri.toString());
                    }
                case "http":
                case "https":
                    HttpResponse<InputStream> r = send(uri, "GET");
                    if (r.statusCode() == 404 || r.statusCode() == 410) {
                        r.body().close();
                        throw new FileNotFoundException(uri.toString());
                    }
                    if (r.statusCode() / 100 != 2) {
                        r.body().close();
                        throw failure(uri, "the server answered HTTP " + r.statusCode(), null);
                    }
                    return r.body();
                default:
                    try {
                        return uri.toURL().openStream();
                    } catch (FileNotFoundException | NoSuchFileException e) {
                        throw new FileNotFoundException(uri.toString());
                    }
            }
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException e) {
            if (e.getCause() instanceof FileNotFoundException || e.getMessage() != null && e.getMessage().contains("not found")) {
                throw new FileNotFoundException(uri.toString());
            }
            throw failure(uri, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
        }
    }

    @Override
    public long getLastModified(URI uri, IProgressMonitor monitor) throws CoreException, FileNotFoundException {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        try {
            if (scheme.equals("file")) {
                Path p = Path.of(uri);
                if (!Files.exists(p)) {
                    throw new FileNotFoundException(uri.toString());
                }
                return Files.getLastModifiedTime(p).toMillis();
            }
            if (scheme.startsWith("http")) {
                HttpResponse<InputStream> r = send(uri, "HEAD");
                r.body().close();
                if (r.statusCode() == 404 || r.statusCode() == 410) {
                    throw new FileNotFoundException(uri.toString());
                }
                if (r.statusCode() / 100 != 2) {
                    throw failure(uri, "the server answered HTTP " + r.statusCode(), null);
                }
                return r.headers().firstValue("Last-Modified").map(JdkTransport::httpDate).orElse(0L);
            }
            try (InputStream in = stream(uri, monitor)) {
                return 0;
            }
        } catch (FileNotFoundException e) {
            throw e;
        } catch (IOException e) {
            throw failure(uri, e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> send(URI uri, String method) throws IOException {
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
            .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            return http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.net.ConnectException e) {
            throw new IOException("connection refused", e);
        }
    }

    private static long httpDate(String text) {
        try {
            return java.time.ZonedDateTime.parse(text, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant().toEpochMilli();
        } catch (java.time.format.DateTimeParseException e) {
            return 0;
        }
    }

    private static CoreException failure(URI uri, String why, Throwable cause) {
        return new CoreException(new Status(IStatus.ERROR, ID, ProvisionException.REPOSITORY_FAILED_READ,
            "cannot read " + uri + ": " + why, cause));
    }
}
