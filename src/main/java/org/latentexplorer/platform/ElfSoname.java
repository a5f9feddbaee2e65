package org.latentexplorer.platform;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and rewrites the {@code DT_SONAME} of a 64-bit little-endian ELF shared library (Linux x86-64
 * and arm64), in place.
 *
 * <p>Why: Smile opens its maths libraries with {@code dlopen("libopenblas.so")} and
 * {@code dlopen("libarpack.so")}, bare names that glibc answers from the system's folders, or from an
 * already loaded library whose SONAME is exactly that name. The bytedeco builds we ship are called
 * {@code libopenblas.so.0} and {@code libarpack.so.2}; a copy whose SONAME is shortened to the bare name
 * and that we load first by its full path is what {@code dlopen} then finds, on a machine with or without
 * system copies. Layout from the System V ABI (gABI, "Dynamic Section", {@code Elf64_Dyn}).
 */
final class ElfSoname {
    private static final int PT_LOAD = 1;
    private static final int PT_DYNAMIC = 2;
    private static final long DT_NULL = 0;
    private static final long DT_STRTAB = 5;
    private static final long DT_SONAME = 14;

    private ElfSoname() {
    }

    /** The SONAME of the library, or null when it has none. */
    static String read(Path library) throws IOException {
        ByteBuffer elf = load(library);
        long at = sonameOffset(elf, library);
        return at < 0 ? null : cString(elf, (int) at);
    }

    /**
     * Rewrites the SONAME of {@code library} to {@code name}, which may not be longer than the current
     * one (the string table is not grown; the rest of the old name is zeroed).
     */
    static void write(Path library, String name) throws IOException {
        ByteBuffer elf = load(library);
        long at = sonameOffset(elf, library);
        if (at < 0) {
            throw new IOException(library + " has no SONAME to rewrite");
        }
        String old = cString(elf, (int) at);
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > old.length()) {
            throw new IOException(library + ": SONAME " + name + " is longer than " + old);
        }
        for (int i = 0; i < old.length(); i++) {
            elf.put((int) at + i, i < bytes.length ? bytes[i] : 0);
        }
        Files.write(library, elf.array());
    }

    private static ByteBuffer load(Path library) throws IOException {
        ByteBuffer elf = ByteBuffer.wrap(Files.readAllBytes(library)).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.limit() < 64 || elf.getInt(0) != 0x464c457f) {
            throw new IOException(library + " is not an ELF file");
        }
        if (elf.get(4) != 2 || elf.get(5) != 1) {
            throw new IOException(library + " is not a 64-bit little-endian ELF file");
        }
        return elf;
    }

    /** File offset of the SONAME string, or -1. */
    private static long sonameOffset(ByteBuffer elf, Path library) throws IOException {
        long phoff = elf.getLong(0x20);
        int phentsize = Short.toUnsignedInt(elf.getShort(0x36));
        int phnum = Short.toUnsignedInt(elf.getShort(0x38));
        long dynamic = -1;
        for (int i = 0; i < phnum; i++) {
            int ph = checked(phoff + (long) i * phentsize, 56, elf, library);
            if (elf.getInt(ph) == PT_DYNAMIC) {
                dynamic = elf.getLong(ph + 8);
            }
        }
        if (dynamic < 0) {
            throw new IOException(library + " has no dynamic section");
        }
        long strtab = -1;
        long soname = -1;
        for (long at = dynamic; ; at += 16) {
            int entry = checked(at, 16, elf, library);
            long tag = elf.getLong(entry);
            if (tag == DT_NULL) {
                break;
            } else if (tag == DT_STRTAB) {
                strtab = elf.getLong(entry + 8);
            } else if (tag == DT_SONAME) {
                soname = elf.getLong(entry + 8);
            }
        }
        if (soname < 0) {
            return -1;
        }
        if (strtab < 0) {
            throw new IOException(library + " has a SONAME but no string table");
        }
        return checked(fileOffset(elf, strtab, phoff, phentsize, phnum, library) + soname, 1, elf, library);
    }

    /** Maps a virtual address to a file offset through the PT_LOAD segment that holds it. */
    private static long fileOffset(ByteBuffer elf, long vaddr, long phoff, int phentsize, int phnum, Path library)
            throws IOException {
        for (int i = 0; i < phnum; i++) {
            int ph = checked(phoff + (long) i * phentsize, 56, elf, library);
            long offset = elf.getLong(ph + 8);
            long start = elf.getLong(ph + 16);
            long size = elf.getLong(ph + 32);
            if (elf.getInt(ph) == PT_LOAD && vaddr >= start && vaddr < start + size) {
                return vaddr - start + offset;
            }
        }
        throw new IOException(library + ": string table address 0x" + Long.toHexString(vaddr) + " is in no segment");
    }

    private static int checked(long at, int length, ByteBuffer elf, Path library) throws IOException {
        if (at < 0 || at + length > elf.limit()) {
            throw new IOException(library + " is truncated or malformed (offset " + at + ")");
        }
        return (int) at;
    }

    private static String cString(ByteBuffer elf, int at) {
        int end = at;
        while (end < elf.limit() && elf.get(end) != 0) {
            end++;
        }
        return new String(elf.array(), at, end - at, StandardCharsets.US_ASCII);
    }
}
