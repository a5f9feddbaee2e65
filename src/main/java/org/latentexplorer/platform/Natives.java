package org.latentexplorer.platform;

import java.io.IOException;
import java.util.List;

/**
 * Prepares the native libraries before anything uses them: picks the ND4J build for this CPU
 * ({@link Nd4jBuild}) and makes Smile's maths libraries our own ({@link NativeMaths}). Call
 * {@link #init()} first thing in every entry point (the launcher's {@code Main}, the test listener); later
 * calls return the first result. {@code -Dlatentexplorer.natives.verbose=true} prints the choice to stderr.
 */
public final class Natives {
    private static Report report;

    private Natives() {
    }

    /**
     * What was chosen.
     *
     * @param platform JavaCPP's name of this platform, e.g. {@code linux-x86_64}
     * @param nd4j     the ND4J build loaded
     * @param maths    where Smile's BLAS, LAPACK and ARPACK come from
     */
    public record Report(String platform, Nd4jBuild nd4j, String maths) {
    }

    /** The native libraries cannot serve this platform or CPU; the message is for the user. */
    public static final class UnsupportedPlatformException extends RuntimeException {
        UnsupportedPlatformException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The ND4J build for this platform and CPU, or the user's message when the class path has none. */
    static Nd4jBuild buildFor(String platform, int avxLevel, ClassLoader loader) {
        Nd4jBuild build = Nd4jBuild.choose(platform, avxLevel, r -> loader.getResource(r) != null);
        if (build == null) {
            List<String> carried = Platforms.SUPPORTED.stream()
                    .filter(p -> loader.getResource(Nd4jBuild.GENERIC.resource(p)) != null).toList();
            throw new UnsupportedPlatformException("Latent Explorer has no native libraries for " + platform
                    + " (os.name " + System.getProperty("os.name") + ", os.arch " + System.getProperty("os.arch")
                    + "). This copy carries " + (carried.isEmpty() ? "none" : String.join(", ", carried))
                    + "; the project builds for " + String.join(", ", Platforms.SUPPORTED)
                    + " (build it on the target machine, README \"Platforms\").", null);
        }
        return build;
    }

    /** What {@link #init()} chose, or empty when it has not run (nothing is loaded by asking). */
    public static synchronized java.util.Optional<Report> current() {
        return java.util.Optional.ofNullable(report);
    }

    /**
     * Chooses and loads the natives once per process.
     *
     * @return what was chosen
     * @throws UnsupportedPlatformException if this platform or CPU has no natives here, or they fail to load
     */
    public static synchronized Report init() {
        if (report != null) {
            return report;
        }
        String platform = Platforms.current();
        Nd4jBuild build = buildFor(platform, Nd4jBuild.avxLevel(), Natives.class.getClassLoader());
        if (System.getProperty(Nd4jBuild.EXTENSION_PROPERTY) == null) {
            System.setProperty(Nd4jBuild.EXTENSION_PROPERTY, build.extension());
        }
        String maths;
        try {
            maths = NativeMaths.load(platform);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new UnsupportedPlatformException("Latent Explorer could not load its maths libraries (OpenBLAS, "
                    + "ARPACK) on " + platform + ": " + e.getMessage(), e);
        }
        report = new Report(platform, build, maths);
        if (Boolean.getBoolean("latentexplorer.natives.verbose")) {
            System.err.println("natives: " + platform + ", ND4J build " + build.name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + platform + build.extension() + "), " + maths);
        }
        return report;
    }
}
