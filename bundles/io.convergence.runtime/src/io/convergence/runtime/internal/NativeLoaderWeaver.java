package io.convergence.runtime.internal;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.weaving.WeavingHook;
import org.osgi.framework.hooks.weaving.WovenClass;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes DuckDB load its native library from {@link io.convergence.runtime.nativecache.NativeLibraryCache}
 * instead of unpacking 72 MB to a new temporary file at every start (0.5 to 2 s of each start on the
 * development machines). DuckDB 2.0 has no setting for this: its {@code DuckDBNative.unpackAndLoad(URL)}
 * always copies the jar's library to a temporary file and loads that. This weaving hook replaces that
 * one method's body by "ask the cache for a file, then {@code System.load} it": the load stays in
 * DuckDB's class, so the library still belongs to DuckDB's class loader. Any other class, or a DuckDB
 * whose method looks different, is left alone, and so is everything when no cache folder is set.
 * See docs/adr/0014-start-up.md.
 */
@Component(service = WeavingHook.class)
public final class NativeLoaderWeaver implements WeavingHook {

    static final String TARGET = "org.duckdb.DuckDBNative";
    static final String METHOD = "unpackAndLoad";
    static final String DESCRIPTOR = "(Ljava/net/URL;)V";
    static final String CACHE = "io/convergence/runtime/nativecache/NativeLibraryCache";
    static final String CACHE_PACKAGE = "io.convergence.runtime.nativecache";

    private static final Logger LOG = LoggerFactory.getLogger(NativeLoaderWeaver.class);

    @Override
    public void weave(WovenClass woven) {
        if (!woven.getClassName().equals(TARGET)
            || System.getProperty(io.convergence.runtime.nativecache.NativeLibraryCache.CACHE_PROPERTY) == null) {
            return;
        }
        try {
            Optional<Path> jar = jarOf(woven.getBundleWiring().getBundle());
            byte @Nullable [] rewritten = rewrite(woven.getBytes(), jar.map(Path::toString).orElse(""));
            if (rewritten != null) {
                woven.setBytes(rewritten);
                woven.getDynamicImports().add(CACHE_PACKAGE);
                LOG.debug("{} loads its native library through the cache", TARGET);
            }
        } catch (RuntimeException | LinkageError e) {
            // A hook that throws fails the class's loading: leave DuckDB as it is instead.
            LOG.warn("{} is left to unpack its native library itself: {}", TARGET, e.toString());
        }
    }

    /**
     * The class with {@code unpackAndLoad(URL)} replaced, or {@code null} when the class has no such
     * static method (another DuckDB version): then it is left as it is.
     */
    static byte @Nullable [] rewrite(byte[] original, String jar) {
        ClassReader reader = new ClassReader(original);
        ClassWriter writer = new ClassWriter(reader, 0);
        boolean[] found = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                if (!name.equals(METHOD) || !descriptor.equals(DESCRIPTOR) || (access & Opcodes.ACC_STATIC) == 0) {
                    return mv;
                }
                found[0] = true;
                // System.load(NativeLibraryCache.path(url, jar)); return;
                mv.visitCode();
                mv.visitVarInsn(Opcodes.ALOAD, 0);
                mv.visitLdcInsn(jar);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, CACHE, "path", "(Ljava/net/URL;Ljava/lang/String;)Ljava/lang/String;",
                    false);
                mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/System", "load", "(Ljava/lang/String;)V", false);
                mv.visitInsn(Opcodes.RETURN);
                mv.visitMaxs(2, 1);
                mv.visitEnd();
                return null; // the original body is not copied
            }
        }, 0);
        return found[0] ? writer.toByteArray() : null;
    }

    /**
     * The jar file of a bundle installed from one: {@code reference:file:} locations (after an optional
     * {@code initial@}), absolute or relative to the install area, the framework's folder or the
     * configuration area, as the launcher and test runners write them.
     */
    static Optional<Path> jarOf(Bundle bundle) {
        try {
            String location = bundle.getLocation();
            location = location.substring(location.indexOf('@') + 1);
            if (location.startsWith("reference:")) {
                location = location.substring("reference:".length());
            }
            if (!location.startsWith("file:")) {
                return Optional.empty();
            }
            Path p = Path.of(location.substring("file:".length()));
            if (p.isAbsolute()) {
                return Files.isRegularFile(p) ? Optional.of(p.normalize()) : Optional.empty();
            }
            for (String base : new String[] {"osgi.install.area", "osgi.syspath", "osgi.configuration.area"}) {
                Optional<Path> dir = folder(System.getProperty(base, ""));
                if (dir.isPresent() && Files.isRegularFile(dir.get().resolve(p))) {
                    return Optional.of(dir.get().resolve(p).normalize());
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> folder(String property) {
        if (property.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(property.startsWith("file:") ? Path.of(URI.create(property.replace(" ", "%20")))
            : Path.of(property));
    }
}
