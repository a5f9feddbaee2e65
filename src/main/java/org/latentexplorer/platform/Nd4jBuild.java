package org.latentexplorer.platform;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The ND4J native build to load, chosen from the CPU this process runs on.
 *
 * <p>The CPU's features are read inside the process, from the level of AVX the JVM itself found with
 * CPUID ({@code -XX:UseAVX}: 3 = AVX-512, 2 = AVX2), so the choice is right in a container, a VM or under
 * {@code qemu-x86_64 -cpu Haswell}, where {@code /proc/cpuinfo} may describe another machine. The build
 * is handed to JavaCPP as its platform extension before ND4J loads; a build the class path lacks falls
 * back to the next one down. {@code -Dlatentexplorer.nd4j.build=generic|avx2|avx512} overrides the
 * choice (benchmarks), and an explicit {@code -Dorg.bytedeco.javacpp.platform.extension} is left alone.
 */
public enum Nd4jBuild {
    /** Any CPU of the platform (x86-64: SSE2 only). */
    GENERIC(""),
    /** x86-64 with AVX2 and FMA (Haswell, 2013, and later; most laptops), oneDNN inside. */
    AVX2("-onednn-avx2"),
    /** x86-64 with AVX-512 (Skylake-SP and later servers), oneDNN inside: the fastest here. */
    AVX512("-onednn-avx512");

    /** JavaCPP's system property naming the build to load. */
    static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";

    private final String extension;

    Nd4jBuild(String extension) {
        this.extension = extension;
    }

    /** JavaCPP's platform extension for this build ("" for the generic one). */
    public String extension() {
        return extension;
    }

    /** The class-path folder of this build's JNI library for {@code platform}. */
    String resource(String platform) {
        return "org/nd4j/linalg/cpu/nativecpu/bindings/" + platform + extension + "/"
                + Platforms.libraryFile(platform, "jnind4jcpu");
    }

    /**
     * The best build for this CPU among those present.
     *
     * @param platform JavaCPP's name of the platform, e.g. {@code linux-x86_64}
     * @param avxLevel the JVM's {@code UseAVX} (0–3), or -1 if unknown
     * @param present  whether a class-path resource exists
     * @return the build, or null when not even the generic build is present
     */
    static Nd4jBuild choose(String platform, int avxLevel, Predicate<String> present) {
        String requested = System.getProperty("latentexplorer.nd4j.build");
        Nd4jBuild best;
        if (requested != null && !requested.isBlank()) {
            best = valueOf(requested.trim().toUpperCase(Locale.ROOT));
        } else if (!platform.endsWith("x86_64")) {
            best = GENERIC;
        } else {
            best = avxLevel >= 3 ? AVX512 : avxLevel == 2 ? AVX2 : GENERIC;
        }
        for (int i = best.ordinal(); i >= 0; i--) {
            if (present.test(values()[i].resource(platform))) {
                return values()[i];
            }
        }
        return null;
    }

    /** The JVM's AVX level from CPUID ({@code UseAVX}), or -1 where the JVM does not say. */
    static int avxLevel() {
        try {
            var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return Integer.parseInt(bean.getVMOption("UseAVX").getValue());
        } catch (RuntimeException | LinkageError e) {
            return -1;
        }
    }
}
