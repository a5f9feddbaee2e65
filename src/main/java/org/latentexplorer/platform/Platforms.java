package org.latentexplorer.platform;

import java.util.List;
import java.util.Locale;

/** JavaCPP's names of the platforms Latent Explorer is built for, and the file names of their libraries. */
final class Platforms {
    /** Every platform whose natives the Maven profiles can select (pom.xml). */
    static final List<String> SUPPORTED =
            List.of("linux-x86_64", "linux-arm64", "macosx-x86_64", "macosx-arm64", "windows-x86_64");

    private Platforms() {
    }

    /** This process's platform in JavaCPP's naming ({@code linux-x86_64}, {@code macosx-arm64}, …). */
    static String current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String o = os.startsWith("linux") ? "linux" : os.startsWith("mac") ? "macosx"
                : os.startsWith("windows") ? "windows" : os.replaceAll("[^a-z0-9]", "");
        String a = switch (arch) {
            case "amd64", "x86_64", "x86-64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
        return o + "-" + a;
    }

    /** The file name of a JNI or shared library on {@code platform}, e.g. {@code libfoo.so}, {@code foo.dll}. */
    static String libraryFile(String platform, String name) {
        if (platform.startsWith("windows")) {
            return name + ".dll";
        }
        return "lib" + name + (platform.startsWith("macosx") ? ".dylib" : ".so");
    }
}
