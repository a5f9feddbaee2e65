package org.latentexplorer.inpaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.SameDiffVaeac;

/**
 * The VAEAC bundles shipped under {@code models/} (committed files, so a clean clone has them) load, keep
 * the observed pixels, complete hidden bottom halves of the embedded test images far better than the
 * mean image would, and record the share of half masks they were last trained on (models/README.md).
 */
class ShippedVaeacBundlesTest {
    @ParameterizedTest
    @CsvSource({"mnist-vaeac.lexb, mnist, 0.5", "fashion-mnist-vaeac.lexb, fashion-mnist, 0.9"})
    void shippedVaeacCompletesTheTestImages(String file, String dataset, double halfMasks) {
        try (ModelBundle bundle = ModelBundle.load(Path.of("models", file))) {
            assertThat(bundle.model()).isInstanceOf(SameDiffVaeac.class);
            assertThat(SameDiffVaeac.halfMasks(bundle.config())).as(file).isEqualTo(halfMasks);
            Dataset test = DatasetResolver.defaults().resolve(dataset, Split.TEST).limit(200);
            float[][] x = test.rows();
            Mask mask = Mask.bottomHalf(test.shape());
            SplittableRandom[] rngs = new SplittableRandom[x.length];
            for (int i = 0; i < x.length; i++) {
                rngs[i] = new SplittableRandom(i);
            }
            Completion[] c = new VaeacInpainter(bundle.model(), MethodSpec.vaeac(8))
                    .completeAll(x, mask, InpaintOptions.defaults(), rngs, CancelToken.NONE);
            float[] meanImage = new float[x[0].length];
            for (float[] row : x) {
                for (int p = 0; p < row.length; p++) {
                    meanImage[p] += row[p] / x.length;
                }
            }
            double model = 0, mean = 0;
            int n = 0;
            for (int i = 0; i < x.length; i++) {
                for (int p = 0; p < x[i].length; p++) {
                    if (mask.isMissing(p)) {
                        model += sq(c[i].mean()[p] - x[i][p]);
                        mean += sq(meanImage[p] - x[i][p]);
                        n++;
                    } else {
                        assertThat(c[i].mean()[p]).isEqualTo(x[i][p]);
                    }
                }
            }
            // RMSE over the hidden pixels, shipped models: MNIST 0.183 (the mean image 0.265), Fashion-MNIST 0.155 (0.309).
            assertThat(Math.sqrt(model / n)).as(file).isLessThan(0.8 * Math.sqrt(mean / n));
        }
    }

    private static double sq(double v) {
        return v * v;
    }
}
