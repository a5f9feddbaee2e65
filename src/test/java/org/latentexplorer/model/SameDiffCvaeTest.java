package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.sample.ClusterModel;
import org.latentexplorer.sample.ClusterModels;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SameDiffCvaeTest {
    private static final float[][] X = {{1, 0, 1, 0, 0.5f, 1}, {0, 0, 1, 1, 1, 0.25f}};
    private static final int[] LABELS = {1, 0};
    private static final float[][] EPS = {{0.3f, -1.2f}, {2.0f, 0.1f}};

    private static ModelConfig tiny(String prior) {
        return SameDiffCvae.config(ImageShape.grey(2, 3), List.of("a", "b", "c"), prior, 2, List.of(5), Likelihood.BERNOULLI);
    }

    @Test
    void reconAndKlMatchHandComputationForBothPriors() {
        for (String prior : List.of("learned", "fixed")) {
            SameDiffCvae m = SameDiffCvae.create(tiny(prior), 7);
            double[][] t = m.termsPerRow(X, LABELS, EPS);
            for (int i = 0; i < X.length; i++) {
                double[] c = new double[3];
                c[LABELS[i]] = 1;
                double[] h = Hand.relu(Hand.affine(m, "enc0", Hand.concat(Hand.d(X[i]), c)));
                double[] mu = Hand.affine(m, "zMean", h), lv = Hand.affine(m, "zLogVar", h);
                double[] z = new double[2];
                for (int j = 0; j < 2; j++) {
                    z[j] = mu[j] + Math.exp(0.5 * lv[j]) * EPS[i][j];
                }
                double[] decIn = prior.equals("learned") ? z : Hand.concat(z, c);
                double[] logits = Hand.affine(m, "decOut", Hand.relu(Hand.affine(m, "dec0", decIn)));
                double kl;
                if (prior.equals("learned")) {
                    double[] pm = java.util.Arrays.copyOfRange(Hand.w(m, "classMean"), LABELS[i] * 2, LABELS[i] * 2 + 2);
                    double[] pl = java.util.Arrays.copyOfRange(Hand.w(m, "classLogVar"), LABELS[i] * 2, LABELS[i] * 2 + 2);
                    kl = Hand.kl(mu, lv, pm, java.util.Arrays.stream(pl).map(Math::exp).toArray());
                } else {
                    kl = Hand.klStd(mu, lv);
                }
                assertThat(t[0][i]).as(prior + " recon").isCloseTo(Hand.bernoulliNll(X[i], logits), within(1e-3));
                assertThat(t[1][i]).as(prior + " kl").isCloseTo(kl, within(1e-4));
            }
        }
    }

    @Test
    void trainsThroughTheTrainingViewAndSamplesByClass(@TempDir Path dir) throws Exception {
        Dataset data = TinyData.twoPrototypes(256, 1);
        SameDiffCvae m = SameDiffCvae.create(SameDiffCvae.config(data.shape(), data.labelNames(), "learned", 2,
                List.of(16), Likelihood.BERNOULLI), 3);
        Trainer.Result r = Trainer.train(m.trainingView(), SameDiffCvaeTraining.withOneHotLabels(data, 2),
                new TrainConfig(10, 32, 1e-2, 0, 1, 0, 0.25, 0, Binarization.DYNAMIC, 3), "test", null,
                new TrainingListener() {
                }, CancelToken.NONE);
        assertThat(r.history().epochs().getLast().validLoss()).isFinite();
        ClusterModel c = ClusterModels.of(m);
        assertThat(c.clusterNames()).containsExactly("left", "right");
        float[][] x = TinyData.rows(data);
        assertThat(ClusterMetrics.compute(data.labels(), c.assign(x), 2, 2).accuracy()).isGreaterThan(0.95);
        float[] left = c.sample(0, 1, 0.0, new SplittableRandom(1))[0];
        assertThat(left[0] + left[1]).isGreaterThan(left[2] + left[3]);
        Path f = dir.resolve("c.lexb");
        new ModelBundle(m, r.history(), null, null).save(f);
        try (ModelBundle b = ModelBundle.load(f)) {
            assertThat(((SameDiffCvae) b.model()).classProbabilities(x)).isEqualTo(m.classProbabilities(x));
        }
        double[] w = m.logImportanceWeights(x[0], 200, new SplittableRandom(2));
        assertThat(java.util.Arrays.stream(w).allMatch(Double::isFinite)).isTrue();
    }

    @Test
    void missingLabelsAndUndecodableRequestsGetClearMessages() {
        Dataset unlabelled = new Dataset("u.csv", ImageShape.vector(6), 1, new float[6], null, null);
        assertThatThrownBy(() -> SameDiffCvaeTraining.withOneHotLabels(unlabelled, 3)).isInstanceOf(InputException.class)
                .hasMessageContaining("u.csv has no labels");
        assertThatThrownBy(() -> SameDiffCvae.config(ImageShape.vector(6), List.of(), "learned", 2, null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("no labels");
        assertThatThrownBy(() -> tiny("wobbly")).hasMessageContaining("'learned' or 'fixed'");
        SameDiffCvae fixed = SameDiffCvae.create(tiny("fixed"), 1);
        assertThatThrownBy(() -> fixed.decode(new float[1][2])).isInstanceOf(InputException.class)
                .hasMessageContaining("choose a class");
        assertThat(fixed.decode(new float[1][2], new int[]{2})).hasDimensions(1, 6);
        assertThatThrownBy(() -> fixed.encode(X, new int[]{0})).hasMessageContaining("1 classes given for 2");
        assertThatThrownBy(() -> fixed.sampleClass(3, 1, 1, new SplittableRandom(1))).hasMessageContaining("class 3");
    }
}
