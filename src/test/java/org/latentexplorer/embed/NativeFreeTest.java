package org.latentexplorer.embed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Smile 6 opens libopenblas / libarpack with dlopen through the FFM API; on a fresh machine they are
 * missing ("Cannot open library: libarpack.so"). The embedding code must not need them. This runs
 * {@link NativeFreeProbe} in a new JVM with no LD_LIBRARY_PATH, an empty java.library.path and Smile's
 * BLAS name pointed at a library that exists nowhere, so any BLAS call fails whatever is installed;
 * the probe also fails if any BLAS, LAPACK or ARPACK library got mapped into the process (which catches
 * ARPACK found in a system folder on this machine).
 */
class NativeFreeTest {

    @Test
    void everyMethodRunsWithoutNativeLibraries(@TempDir Path empty) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> cmd = new ArrayList<>(List.of(java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-Xmx512m",
                "-Djava.library.path=" + empty,
                "-Dsmile.lib.blas=no-such-blas-for-tests",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"),
                NativeFreeProbe.class.getName()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("LD_LIBRARY_PATH");
        pb.environment().remove("LD_PRELOAD");
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(text).isZero();
        assertThat(text).contains("NATIVE-FREE OK").contains("umap(").contains("tsne(").contains("pca(");
        assertThat(Files.list(empty)).isEmpty();
    }
}
