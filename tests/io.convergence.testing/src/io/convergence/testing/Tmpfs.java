package io.convergence.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small tmpfs mounted on a folder, for tests of a full disk. Mounting needs root (CI runs as
 * root); {@link #mount} returns {@code null} where it cannot mount, and the test then skips. Close
 * it to unmount, always (a try-with-resources or an after-method).
 */
public final class Tmpfs implements AutoCloseable {

    private final Path dir;
    private boolean mounted = true;

    private Tmpfs(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of {@code megabytes} on {@code dir} (created if missing).
     *
     * @return the mount, or {@code null} if this machine does not let the test mount (not root)
     */
    public static Tmpfs mount(Path dir, int megabytes) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Result r = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m,mode=0755", "tmpfs", dir.toString());
        return r.code == 0 ? new Tmpfs(dir) : null;
    }

    /** The mounted folder. */
    public Path dir() {
        return dir;
    }

    /** Fills the file system with a file of its own, leaving about {@code leaveBytes} free. */
    public Path fill(String name, long leaveBytes) throws IOException {
        Path filler = dir.resolve(name);
        long free = Files.getFileStore(dir).getUsableSpace();
        long size = Math.max(0, free - leaveBytes);
        byte[] chunk = new byte[1 << 16];
        try (var out = Files.newOutputStream(filler)) {
            for (long written = 0; written < size; written += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, size - written));
            }
        }
        return filler;
    }

    /** Bytes still free. */
    public long free() throws IOException {
        return Files.getFileStore(dir).getUsableSpace();
    }

    /** Unmounts, lazily if something still holds a file open. */
    @Override
    public void close() throws IOException, InterruptedException {
        if (!mounted) {
            return;
        }
        mounted = false;
        Result r = run("umount", dir.toString());
        if (r.code != 0 && run("umount", "-l", dir.toString()).code != 0) {
            throw new IOException("cannot unmount the tmpfs on " + dir + ": " + r.output);
        }
    }

    private record Result(int code, String output) {
    }

    private static Result run(String... cmd) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder(List.of(cmd)).redirectErrorStream(true).start();
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + out);
        }
        return new Result(p.exitValue(), out);
    }
}
