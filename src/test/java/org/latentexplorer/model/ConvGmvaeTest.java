package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.latentexplorer.sample.GmvaeClusters;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;

/** The convolutional GMVAE: ConvNet's trunk and decoder around the dense GMVAE's prior, q(y) and loss. */
class ConvGmvaeTest {
    private static final int K = 2, Z = 2;

    /** 4×4 images (TinyData), two conv stages of 4 and 8 channels. */
    private static ModelConfig tiny(int pretrain) {
        ModelConfig c = SameDiffGmvae.config("conv", ImageShape.grey(4, 4), K, 2, Z, List.of(4, 8), Likelihood.BERNOULLI);
        Map<String, Object> extra = new HashMap<>(c.extra());
        extra.put(SameDiffGmvae.PRETRAIN_EPOCHS, pretrain);
        extra.put(SameDiffGmvae.PRIOR_HIDDEN, 8);
        extra.put(SameDiffGmvae.Y_HIDDEN, 8);
        return new ModelConfig(c.kind(), c.arch(), c.inputShape(), c.latentDim(), c.hidden(), c.likelihood(),
                c.normalisation(), "tiny", List.of(), extra);
    }

    @Test
    void trainsThroughSameDiffWithFiniteTermsAndAFallingNegativeElbo() {
        Dataset data = TinyData.twoPrototypes(64, 3);
        SameDiffGmvae m = (SameDiffGmvae) Models.create(tiny(0), 4);
        assertThat(m.graph().hasVariable("encConv0_W")).isTrue();
        assertThat(m.graph().hasVariable("decConv2_W")).isTrue();
        assertThat(m.fastStep(1e-3, 0)).isEmpty();   // no fused kernel: the generic SameDiff path trains it

        float[][] x = data.rows();
        LossTerms before = m.loss(x, new SplittableRandom(7));
        assertThat(before.terms()).containsOnlyKeys("ReconsLoss", "CondPrior", "WPrior", "YPrior");
        assertThat(before.terms().values()).allMatch(Double::isFinite);

        List<EpochStats> epochs = new ArrayList<>();
        Trainer.train(m, data, new TrainConfig(8, 16, 3e-3, 0, 1, 0, 0, 0, Binarization.NONE, 5), "t", null,
                new TrainingListener() {
                    @Override
                    public void onEpoch(EpochStats s) {
                        epochs.add(s);
                    }
                }, CancelToken.NONE);
        assertThat(epochs).hasSize(8);
        for (EpochStats s : epochs) {
            assertThat(s.trainTerms()).containsKeys("ReconsLoss", "CondPrior", "WPrior", "YPrior");
            assertThat(s.trainTerms().values()).allMatch(Double::isFinite);
        }
        LossTerms after = m.loss(x, new SplittableRandom(7));
        assertThat(after.terms().values()).allMatch(Double::isFinite);
        assertThat(after.loss()).isLessThan(before.loss() - 1);
        assertThat(epochs.get(epochs.size() - 1).trainLoss()).isLessThan(epochs.get(0).trainLoss());
    }

    @Test
    void responsibilitiesClusterSamplesAndDecodesHaveTheirShapes() {
        SameDiffGmvae m = SameDiffGmvae.create(tiny(0), 6);
        float[][] x = TinyData.twoPrototypes(5, 1).rows();
        SameDiffGmvaeTest.assertDistributions(m.responsibilities(x), 5, K);
        assertThat(m.encode(x).mean()).hasDimensions(5, Z);
        assertThat(m.encodeW(x).mean()).hasDimensions(5, 2);
        float[][] drawn = new GmvaeClusters(m).sample(1, 3, 1.0, new SplittableRandom(2));
        assertThat(drawn).hasDimensions(3, 16);
        for (float[] row : drawn) {
            for (float v : row) {
                assertThat(v).isBetween(0f, 1f);
            }
        }
        assertThat(m.decode(new float[4][Z])).hasDimensions(4, 16);
        assertThat(m.samplePrior(3, new SplittableRandom(1))).hasDimensions(3, Z);
    }

    @Test
    void savedBundleReopensAsTheSameConvGmvae(@TempDir Path dir) throws Exception {
        SameDiffGmvae m = SameDiffGmvae.create(tiny(0), 9);
        float[][] x = TinyData.twoPrototypes(4, 2).rows();
        float[][] z = m.samplePrior(3, new SplittableRandom(3));
        Path f = dir.resolve("cg.lexb");
        new ModelBundle(m, null, null, null).save(f);
        try (ModelBundle b = ModelBundle.load(f)) {
            assertThat(b.config().arch()).isEqualTo("conv");
            assertThat(b.model()).isInstanceOf(SameDiffGmvae.class);
            SameDiffGmvae g = (SameDiffGmvae) b.model();
            assertThat(g.responsibilities(x)).isEqualTo(m.responsibilities(x));
            assertThat(g.encode(x).mean()).isEqualTo(m.encode(x).mean());
            assertThat(g.decode(z)).isEqualTo(m.decode(z));
            assertThat(g.loss(x, new SplittableRandom(1)).loss()).isEqualTo(m.loss(x, new SplittableRandom(1)).loss());
        }
    }

    @Test
    void standardisingTheCodesLeavesTheConvDecoderUnchanged() {
        SameDiffGmvae m = SameDiffGmvae.create(tiny(0), 11);
        float[][] x = TinyData.twoPrototypes(16, 4).rows();
        float[][] codes = m.encode(x).mean();
        float[][] before = m.decode(codes);
        float[][] standard = m.standardiseCodes(codes);
        float[][] after = m.decode(standard);
        for (int i = 0; i < before.length; i++) {
            for (int j = 0; j < before[i].length; j++) {
                assertThat(after[i][j]).isCloseTo(before[i][j], within(1e-4f));
            }
        }
        assertThat(m.encode(x).mean()[0][0]).isCloseTo(standard[0][0], within(1e-4f));
    }

    @Test
    void aPretrainedStartIsRefusedForConvWithTheWayOut() {
        assertThatThrownBy(() -> Models.create(tiny(5), 1)).isInstanceOf(InputException.class)
                .hasMessage("--pretrain needs --arch dense for now; use --pretrain 0 with --arch conv");
        ModelConfig cvae = SameDiffCvae.config(ImageShape.grey(4, 4), List.of("a", "b"), "learned", 2, List.of(4, 8),
                Likelihood.BERNOULLI);
        ModelConfig convCvae = new ModelConfig(cvae.kind(), "conv", cvae.inputShape(), cvae.latentDim(), cvae.hidden(),
                cvae.likelihood(), cvae.normalisation(), "t", cvae.labelNames(), cvae.extra());
        assertThatThrownBy(() -> Models.create(convCvae, 1)).isInstanceOf(InputException.class)
                .hasMessageContaining("conv cvae");
    }
}
