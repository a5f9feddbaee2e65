package org.latentexplorer.platform;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.bytedeco.javacpp.Loader;

/**
 * Makes Smile's BLAS, LAPACK and ARPACK the ones shipped in our Maven jars (bytedeco {@code openblas}
 * 0.3.19-1.5.7, the build ND4J uses, and {@code arpack-ng} 3.8.0-1.5.7), never a system copy.
 *
 * <p>Smile 6 binds them with the FFM API as {@code SymbolLookup.libraryLookup(System.mapLibraryName(n))},
 * a {@code dlopen} by bare name ({@code libopenblas.so}, {@code libarpack.so}) that ignores
 * {@code java.library.path}. The loader answers such a name from a library already in the process whose
 * SONAME (Linux) or module name (Windows) is that name, before it looks in any folder. So:
 * <ol>
 *   <li>JavaCPP extracts and loads bytedeco's OpenBLAS with its Fortran runtime from the jar;</li>
 *   <li>beside it in JavaCPP's cache we keep a copy of each library under Smile's name (on Linux with
 *       the SONAME shortened to match, {@link ElfSoname}) and load it by its full path, after the
 *       original, so the copy's own dependencies resolve to what is loaded;</li>
 *   <li>Smile's {@code dlopen} then finds those, whatever the system has.</li>
 * </ol>
 * On macOS a leaf name never matches an image already loaded, so Smile keeps its default there, Apple's
 * Accelerate framework (part of every macOS), and ARPACK is not available; nothing in the program needs
 * ARPACK (see {@code embed.Embeddings}).
 */
final class NativeMaths {
    private NativeMaths() {
    }

    /**
     * Loads the libraries for {@code platform}.
     *
     * @return one line saying where Smile's maths libraries come from
     * @throws IOException if a library cannot be extracted, copied or loaded
     */
    static String load(String platform) throws IOException {
        if (platform.startsWith("macosx")) {
            return "Smile: BLAS/LAPACK from Apple Accelerate, no ARPACK (macOS)";
        }
        // bytedeco's OpenBLAS and its Fortran runtime, from our jar (the copy ND4J links to as well).
        Loader.load(org.bytedeco.openblas.global.openblas.class);
        boolean linux = platform.startsWith("linux");
        String blasFile = linux ? "libopenblas.so.0" : "libopenblas.dll";
        Path blas = extract("/org/bytedeco/openblas/" + platform + "/" + blasFile);
        if (linux) {
            // Smile's default name for both BLAS and LAPACK on Linux is "openblas" (smile.lib.blas/.lapack).
            System.load(renamed(blas, "libopenblas.so", true).toString());
        }
        // On Windows Smile asks for "libopenblas.dll", the module JavaCPP just loaded.
        String arpackFile = linux ? "libarpack.so.2" : "libarpack-2.dll";
        Path arpack = extract("/org/bytedeco/arpackng/" + platform + "/" + arpackFile);
        System.load(renamed(arpack, System.mapLibraryName("arpack"), linux).toString());
        return "Smile: BLAS/LAPACK " + blas + ", ARPACK " + arpack;
    }

    /** The file of a class-path resource in JavaCPP's cache, extracted if needed. */
    private static Path extract(String resource) throws IOException {
        URL url = NativeMaths.class.getResource(resource);
        if (url == null) {
            throw new IOException("the class path has no " + resource.substring(1));
        }
        return Loader.cacheResource(url).toPath();
    }

    /**
     * A copy of {@code library} called {@code name} in a folder of ours beside it (JavaCPP keeps its own
     * links such as {@code libopenblas.so} in the library's folder), with the SONAME set to {@code name}
     * when {@code elf}. Its dependencies are already loaded, so the loader finds them by SONAME. Reused
     * when already right; written under a temporary name and moved into place, so concurrent starts never
     * see half a file.
     */
    private static Path renamed(Path library, String name, boolean elf) throws IOException {
        Path folder = Files.createDirectories(library.resolveSibling("latent-explorer"));
        Path target = folder.resolve(name);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(library)
                && (!elf || name.equals(ElfSoname.read(target)))) {
            return target;
        }
        Path tmp = Files.createTempFile(folder, "." + name, ".tmp");
        try {
            Files.copy(library, tmp, StandardCopyOption.REPLACE_EXISTING);
            if (elf) {
                ElfSoname.write(tmp, name);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return target;
    }
}
