package org.latentexplorer.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.tensor.ARPACK;
import smile.tensor.DenseMatrix;
import smile.tensor.EVD;

/**
 * Smile's LAPACK and ARPACK paths run on the project's own natives: after calling both, every BLAS,
 * LAPACK, OpenBLAS or ARPACK file mapped into this process must lie in JavaCPP's cache (extracted from
 * our Maven jars). On a machine with Debian's libopenblas0 / liblapack3 / libarpack2 this fails if any
 * of them got in.
 */
@EnabledOnOs(OS.LINUX)
class NativeOriginTest {
    private static final Pattern MATHS = Pattern.compile("lib(open)?blas|liblapack|libarpack");

    @Test
    void smileLapackAndArpackUseOnlyTheProjectsNatives() throws IOException {
        Natives.init();
        // LAPACK: a full-covariance Gaussian fit factors its covariance (dpotrf).
        double[][] x = new double[200][];
        Random random = new Random(7);
        for (int i = 0; i < x.length; i++) {
            x[i] = new double[] {random.nextGaussian(), random.nextGaussian() * 2, random.nextGaussian() + 1};
        }
        MultivariateGaussianDistribution g = MultivariateGaussianDistribution.fit(x, false);
        assertThat(g.logp(new double[] {0, 0, 1})).isFinite();
        // ARPACK: the two largest eigenvalues of diag(1..50) by the implicitly restarted Lanczos method.
        double[][] diag = new double[50][50];
        for (int i = 0; i < 50; i++) {
            diag[i][i] = i + 1;
        }
        EVD evd = ARPACK.syev(DenseMatrix.of(diag), ARPACK.SymmOption.LA, 2);
        double a = evd.wr().get(0);
        double b = evd.wr().get(1);
        assertThat(Math.max(a, b)).isCloseTo(50.0, within(1e-6));
        assertThat(Math.min(a, b)).isCloseTo(49.0, within(1e-6));

        Set<String> mapped = mappedMathsLibraries();
        Path cache = Loader.getCacheDir().toPath().toRealPath();
        assertThat(mapped).as("maths libraries mapped").anyMatch(p -> p.contains("libopenblas"))
                .anyMatch(p -> p.contains("libarpack"));
        assertThat(mapped).as("every maths library comes from JavaCPP's cache " + cache)
                .allMatch(p -> Path.of(p).startsWith(cache));
    }

    private static Set<String> mappedMathsLibraries() throws IOException {
        Set<String> paths = new TreeSet<>();
        List<String> maps = Files.readAllLines(Path.of("/proc/self/maps"));
        for (String line : maps) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash).replace(" (deleted)", "");
            if (MATHS.matcher(Path.of(path).getFileName().toString()).find()) {
                paths.add(path);
            }
        }
        return paths;
    }
}
