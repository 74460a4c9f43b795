package io.convergence.admin.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * Seeded mutations of a p2 repository, as a broken build, a bad mirror, a full disk or a hostile
 * publisher would leave one: attribute values replaced by hostile ones (huge versions, paths, very
 * long or odd names, wrong sizes), structure cut, duplicated or spliced, jars flipped or truncated,
 * the index compressed into {@code content.jar} or {@code content.xml.xz} (whole or corrupt), a
 * {@code p2.index} that lies, a repository that is a composite of itself or of what is not there,
 * and instructions rewritten. The same seed gives the same inputs.
 */
final class RepoMutator {

    private static final Pattern ATTRIBUTE = Pattern.compile("(\\w+)='([^']*)'");
    private static final String[] NASTY = {"", " ", "-1", "0", "99999999999999999999", "1.0.0.9999999999999999999999",
        "1.0.0." + "q".repeat(5000), "../../../../../../tmp/fuzz", "a/b", "a\\b", "..", "${installFolder}/../..",
        "x".repeat(70_000), "\u202eevil", "&amp;#0;", "[1.0,", "(&(", "com.example.fuzz.bundle", "osgi.bundle",
        "org.eclipse.equinox.p2.native", "file:/etc/passwd", "http://127.0.0.1:9/", "jar:file:/nonexistent!/", "raw:1.0",
        "2147483648", "1.2.3.4.5", "ü", "null"};
    private static final String[] INSTRUCTIONS = {"mkdir(path:%s);", "org.eclipse.equinox.p2.touchpoint.natives.mkdir(path:%s);",
        "markStarted(started:maybe);", "setStartLevel(startLevel:99999999999);", "installBundle(bundle:%s);",
        "addJvmArg(jvmArg:-Dfuzz=1);", "setProgramProperty(propName:fuzz,propValue:1);", "(((;;;", ""};

    private final Random random;
    private final Path sentinel;
    private final List<String> done = new ArrayList<>();

    /** @param sentinel a folder no refused input may ever make */
    RepoMutator(long seed, Path sentinel) {
        this.random = new Random(seed);
        this.sentinel = sentinel;
    }

    /** What the last {@link #mutate} did, to reproduce it. */
    String describe() {
        return String.join("; ", done);
    }

    /** Applies one to three mutations to the repository in {@code repo} (a copy of the seed). */
    void mutate(Path repo) throws IOException {
        done.clear();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            one(repo);
        }
    }

    private void one(Path repo) throws IOException {
        Path content = repo.resolve("content.xml");
        Path artifacts = repo.resolve("artifacts.xml");
        switch (random.nextInt(12)) {
            case 0, 1 -> attribute(content);
            case 2 -> attribute(artifacts);
            case 3 -> splice(Files.exists(content) ? content : artifacts);
            case 4 -> splice(artifacts);
            case 5 -> jar(repo);
            case 6 -> compress(repo, "content");
            case 7 -> compress(repo, "artifacts");
            case 8 -> index(repo);
            case 9 -> instructions(content);
            case 10 -> composite(repo);
            default -> sizes(Files.exists(content) ? content : artifacts);
        }
    }

    private String read(Path f) throws IOException {
        return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
    }

    private void attribute(Path f) throws IOException {
        String s = read(f);
        List<int[]> spans = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(s);
        while (m.find()) {
            spans.add(new int[] {m.start(2), m.end(2)});
        }
        if (spans.isEmpty()) {
            return;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String value = NASTY[random.nextInt(NASTY.length)];
        done.add(f.getFileName() + ": value '" + s.substring(span[0], span[1]) + "' -> '" + abbreviate(value) + "'");
        Files.writeString(f, s.substring(0, span[0]) + value.replace("'", "&apos;") + s.substring(span[1]), StandardCharsets.UTF_8);
    }

    private void splice(Path f) throws IOException {
        String s = read(f);
        if (s.isEmpty()) {
            return;
        }
        int a = random.nextInt(s.length());
        int b = Math.min(s.length(), a + 1 + random.nextInt(Math.max(1, s.length() / 4)));
        String out = switch (random.nextInt(4)) {
            case 0 -> s.substring(0, a) + s.substring(b);
            case 1 -> s.substring(0, b) + s.substring(a, b) + s.substring(b);
            case 2 -> s.substring(0, a) + garbage() + s.substring(a);
            default -> s.substring(0, a);
        };
        done.add(f.getFileName() + ": spliced at " + a + ".." + b);
        Files.writeString(f, out, StandardCharsets.UTF_8);
    }

    private String garbage() {
        String alphabet = "<>/'\"&;=!?#[]{}()%$\\ \n\tabcxyz0123456789\u00e9\u4e2d";
        StringBuilder b = new StringBuilder();
        for (int i = 0, n = 1 + random.nextInt(40); i < n; i++) {
            b.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return b.toString();
    }

    private void sizes(Path f) throws IOException {
        String s = read(f);
        String[] values = {"0", "-1", "1", "99999999", "2147483648", "x"};
        String v = values[random.nextInt(values.length)];
        done.add(f.getFileName() + ": every size='…' -> '" + v + "'");
        Files.writeString(f, s.replaceAll("size='\\d+'", "size='" + v + "'"), StandardCharsets.UTF_8);
    }

    private void jar(Path repo) throws IOException {
        Path dir = repo.resolve("plugins");
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> jars;
        try (var s = Files.list(dir)) {
            jars = s.sorted().toList();
        }
        if (jars.isEmpty()) {
            return;
        }
        Path jar = jars.get(random.nextInt(jars.size()));
        byte[] b = Files.readAllBytes(jar);
        switch (random.nextInt(3)) {
            case 0 -> {
                int flips = 1 + random.nextInt(8);
                for (int i = 0; i < flips && b.length > 0; i++) {
                    b[random.nextInt(b.length)] ^= (byte) (1 << random.nextInt(8));
                }
                done.add(jar.getFileName() + ": " + flips + " bits flipped");
            }
            case 1 -> {
                b = java.util.Arrays.copyOf(b, b.length == 0 ? 0 : random.nextInt(b.length));
                done.add(jar.getFileName() + ": truncated to " + b.length + " bytes");
            }
            default -> {
                b = new byte[0];
                done.add(jar.getFileName() + ": emptied");
            }
        }
        Files.write(jar, b);
    }

    /** Replaces NAME.xml by NAME.jar or NAME.xml.xz, whole or with its bytes damaged. */
    private void compress(Path repo, String name) throws IOException {
        Path xml = repo.resolve(name + ".xml");
        if (!Files.exists(xml)) {
            return;
        }
        byte[] text = Files.readAllBytes(xml);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        boolean xz = random.nextBoolean();
        if (xz) {
            try (XZOutputStream out = new XZOutputStream(bytes, new LZMA2Options())) {
                out.write(text);
            }
        } else {
            try (ZipOutputStream out = new ZipOutputStream(bytes)) {
                out.putNextEntry(new ZipEntry(random.nextInt(5) == 0 ? "other.xml" : name + ".xml"));
                out.write(text);
                out.closeEntry();
            }
        }
        byte[] b = bytes.toByteArray();
        boolean damage = random.nextBoolean();
        if (damage && b.length > 0) {
            for (int i = 0; i < 1 + random.nextInt(6); i++) {
                b[random.nextInt(b.length)] ^= (byte) 0x5a;
            }
        }
        Files.delete(xml);
        Path target = repo.resolve(xz ? name + ".xml.xz" : name + ".jar");
        Files.write(target, b);
        if (xz) {
            Files.writeString(repo.resolve("p2.index"), "version=1\nmetadata.repository.factory.order=content.xml.xz,!\n"
                + "artifact.repository.factory.order=" + (name.equals("artifacts") ? "artifacts.xml.xz" : "artifacts.xml") + ",!\n");
        }
        done.add(name + ".xml -> " + target.getFileName() + (damage ? ", damaged" : ""));
    }

    private void index(Path repo) throws IOException {
        String[] lies = {"version=1\nmetadata.repository.factory.order=compositeContent.xml,!\nartifact.repository.factory.order=nothing.xml,!\n",
            "version=99\n", "\u0000\u0001garbage", "version=1\nmetadata.repository.factory.order=content.jar,!\n"};
        String lie = lies[random.nextInt(lies.length)];
        done.add("p2.index -> '" + abbreviate(lie.replace("\n", "\\n")) + "'");
        Files.writeString(repo.resolve("p2.index"), lie, StandardCharsets.UTF_8);
    }

    private void instructions(Path content) throws IOException {
        String s = read(content);
        Matcher m = Pattern.compile("(<instruction key='(\\w+)'>)([^<]*)(</instruction>)").matcher(s);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            if (!"manifest".equals(m.group(2))) {
                spans.add(new int[] {m.start(3), m.end(3)});
            }
        }
        if (spans.isEmpty()) {
            return;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        String body = String.format(INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)], sentinel);
        done.add("instruction '" + s.substring(span[0], span[1]) + "' -> '" + body + "'");
        Files.writeString(content, s.substring(0, span[0]) + body + s.substring(span[1]), StandardCharsets.UTF_8);
    }

    private void composite(Path repo) throws IOException {
        String[] children = {repo.toUri().toString(), repo.resolve("missing").toUri().toString(), "http://127.0.0.1:9/child",
            "../" + repo.getFileName(), "file:/etc"};
        String child = children[random.nextInt(children.length)];
        for (String[] kind : new String[][] {{"compositeContent.xml", "compositeMetadataRepository",
            "org.eclipse.equinox.internal.p2.metadata.repository.CompositeMetadataRepository"},
            {"compositeArtifacts.xml", "compositeArtifactRepository",
                "org.eclipse.equinox.internal.p2.artifact.repository.CompositeArtifactRepository"}}) {
            Files.writeString(repo.resolve(kind[0]), "<?xml version='1.0' encoding='UTF-8'?>\n<?" + kind[1] + " version='1.0.0'?>\n"
                + "<repository name='fuzz' type='" + kind[2] + "' version='1.0.0'><properties size='0'/>"
                + "<children size='1'><child location='" + child + "'/></children></repository>\n", StandardCharsets.UTF_8);
        }
        Files.deleteIfExists(repo.resolve("content.xml"));
        Files.deleteIfExists(repo.resolve("artifacts.xml"));
        done.add("a composite whose child is " + child);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + " chars)" : s;
    }
}
