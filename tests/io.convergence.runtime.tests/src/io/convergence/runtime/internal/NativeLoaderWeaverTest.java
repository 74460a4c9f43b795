package io.convergence.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** The rewrite of the real DuckDB class: its unpack method loads through the cache, nothing else changes. */
class NativeLoaderWeaverTest {

    private static byte[] duckDbNative() throws Exception {
        URL url = NativeLoaderWeaverAccess.duckDb().getEntry("org/duckdb/DuckDBNative.class");
        assertNotNull(url, "DuckDBNative in the DuckDB bundle");
        try (InputStream in = url.openStream()) {
            return in.readAllBytes();
        }
    }

    /** The calls each method makes, as owner.name, by method. */
    private static List<String> calls(byte[] cls, String method) {
        List<String> out = new ArrayList<>();
        new ClassReader(cls).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String sig, String[] ex) {
                if (!name.equals(method)) {
                    return null;
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int op, String owner, String n, String d, boolean itf) {
                        out.add(owner + "." + n);
                    }
                };
            }
        }, 0);
        return out;
    }

    @Test
    void unpackAndLoadAsksTheCacheAndLoadsWhatItGets() throws Exception {
        byte[] original = duckDbNative();
        List<String> before = calls(original, "unpackAndLoad");
        // what DuckDB 2.0 does: a new temporary file at every start
        assertEquals(true, before.contains("java/nio/file/Files.createTempFile"), before.toString());

        byte[] woven = NativeLoaderWeaver.rewrite(original, "/opt/product/plugins/duckdb.jar");
        assertNotNull(woven);
        assertEquals(List.of(NativeLoaderWeaver.CACHE + ".path", "java/lang/System.load"), calls(woven, "unpackAndLoad"));
        assertEquals(calls(original, "loadNativeLibrary"), calls(woven, "loadNativeLibrary"), "the rest is as it was");
    }

    @Test
    void aClassWithoutTheMethodIsLeftAlone() throws Exception {
        try (InputStream in = NativeLoaderWeaverTest.class.getResourceAsStream("NativeLoaderWeaverTest.class")) {
            assertNull(NativeLoaderWeaver.rewrite(in.readAllBytes(), ""));
        }
    }
}
