package io.convergence.runtime.nativecache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.convergence.runtime.internal.NativeLoaderWeaverAccess;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's native library, unpacked once from the real DuckDB bundle's jar and reused after. */
class NativeLibraryCacheTest {

    private static final String ENTRY = "libduckdb_java.so_linux_amd64";

    @TempDir
    Path cache;

    @Test
    void theLibraryIsUnpackedOnceCheckedAndReplacedWhenDamaged() throws Exception {
        Path jar = NativeLoaderWeaverAccess.duckDbJar();
        ZipEntry entry;
        try (ZipFile z = new ZipFile(jar.toFile())) {
            entry = z.getEntry(ENTRY);
        }
        assertNotNull(entry, "the DuckDB jar holds " + ENTRY);

        Path lib = NativeLibraryCache.cached(jar, ENTRY, cache);
        assertNotNull(lib);
        assertEquals(String.format("%08x-%d", entry.getCrc(), entry.getSize()), lib.getParent().getFileName().toString());
        assertEquals("libduckdb_java.so", lib.getFileName().toString());
        assertEquals(entry.getSize(), Files.size(lib));
        FileTime unpacked = Files.getLastModifiedTime(lib);

        // The next start finds it: nothing is unpacked again; this process gets a link of its own,
        // since a library file can belong to one class loader only.
        Path again = NativeLibraryCache.cached(jar, ENTRY, cache);
        assertNotNull(again);
        assertNotEquals(lib, again);
        assertEquals(unpacked, Files.getLastModifiedTime(lib), "not unpacked again");
        assertTrue(Files.isSameFile(lib, again) || Files.size(again) == Files.size(lib));

        // A damaged copy (one byte changed) is found by its CRC and unpacked again.
        try (RandomAccessFile f = new RandomAccessFile(lib.toFile(), "rw")) {
            f.seek(entry.getSize() / 2);
            int b = f.read();
            f.seek(entry.getSize() / 2);
            f.write(b ^ 0xff);
        }
        NativeLibraryCache.cached(jar, ENTRY, cache);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(Files.readAllBytes(lib));
        assertEquals(entry.getCrc(), crc.getValue(), "unpacked again after the damage");
        try (var left = Files.list(lib.getParent())) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no half-unpacked file left");
        }
    }

    @Test
    void aJarWithoutTheEntryIsNotCached() throws Exception {
        assertEquals(null, NativeLibraryCache.cached(NativeLoaderWeaverAccess.duckDbJar(), "no-such-entry.so", cache));
        assertEquals("libduckdb_java.so", NativeLibraryCache.fileName("libduckdb_java.so_linux_amd64"));
    }
}
