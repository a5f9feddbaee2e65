package org.latentexplorer.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainingListener;
import org.nd4j.autodiff.samediff.VariableType;

class VaeacTest {
    static final ImageShape SHAPE = VaeacFixtures.SHAPE;

    static ModelConfig config() {
        return VaeacFixtures.config();
    }

    static Dataset halves(int n, long seed) {
        return VaeacFixtures.halves(n, seed);
    }

    static SameDiffVaeac trained(long seed, int epochs) {
        return VaeacFixtures.trained(seed, epochs);
    }

    @Test
    void shapesWorkedOutFromTheConfigMatchTheBuiltGraph() {
        for (ModelConfig c : List.of(config(), SameDiffVaeac.config(new ImageShape(3, 8, 12), 3, List.of(), null),
                SameDiffVaeac.config(ImageShape.grey(8, 8), 2, List.of(5, 6, 7), null),
                SameDiffVaeac.config(SHAPE, 4, List.of(4, 8), null, 16),
                SameDiffVaeac.config(new ImageShape(3, 8, 12), 3, List.of(5, 6), null, 3))) {
            SameDiffModel m = Models.create(c, 1);
            Map<String, String> built = new java.util.TreeMap<>();
            m.graph().variables().stream().filter(v -> v.getVariableType() == VariableType.VARIABLE)
                    .forEach(v -> built.put(v.name(), java.util.Arrays.toString(v.getArr().shape())));
            Map<String, String> worked = new java.util.TreeMap<>();
            ModelLimits.check(c).weights().forEach((k, s) -> worked.put(k, java.util.Arrays.toString(s)));
            assertThat(worked).as(c.toString()).isEqualTo(built);
        }
    }

    @Test
    void theSameSeedGivesTheSameWeightsAfterTraining() {
        SameDiffVaeac a = trained(7, 2), b = trained(7, 2), c = trained(8, 2);
        float[][] x = halves(3, 9).rows();
        assertThat(a.encode(x).mean()).isEqualTo(b.encode(x).mean());
        assertThat(a.encode(x).mean()).isNotEqualTo(c.encode(x).mean());
    }

    @Test
    void latentModelViewsHaveTheirShapesAndFiniteValues() {
        SameDiffVaeac m = (SameDiffVaeac) Models.create(config(), 3);
        float[][] x = halves(5, 2).rows();
        assertThat(m.encode(x).mean()).hasDimensions(5, 4);
        float[][] z = m.samplePrior(6, new SplittableRandom(1));
        assertThat(m.decode(z)).hasDimensions(6, 64);
        assertThat(m.samplePrior(6, 1.0, new SplittableRandom(1))).isEqualTo(z);
        LossTerms t = m.loss(x, new SplittableRandom(1));
        assertThat(t.terms()).containsOnlyKeys("recon", "kl", "reg");
        assertThat(t.loss()).isFinite().isPositive();
        assertThat(java.util.Arrays.stream(m.logImportanceWeights(x[0], 5, new SplittableRandom(2)))).hasSize(5)
                .allMatch(Double::isFinite);
        assertThat(java.util.Arrays.stream(m.logLikelihood(x, m.samplePrior(5, new SplittableRandom(3))))).hasSize(5)
                .allMatch(w -> w < 0);
    }

    @Test
    void completionsOfABatchAreTheCompletionsOfEachImageAlone() {
        SameDiffVaeac m = (SameDiffVaeac) Models.create(config(), 3);
        float[][] x = halves(3, 2).rows();
        float[][] masks = new float[3][64];
        for (int i = 0; i < 3; i++) {
            for (int p = 0; p < 64; p++) {
                masks[i][p] = (p + i) % 3 == 0 ? 1f : 0f;
            }
        }
        SameDiffVaeac.Draws all = m.sampleCompletions(x, masks, 4, new SplittableRandom[]{new SplittableRandom(1),
                new SplittableRandom(2), new SplittableRandom(3)});
        SameDiffVaeac.Draws second = m.sampleCompletions(new float[][]{x[1]}, new float[][]{masks[1]}, 4,
                new SplittableRandom[]{new SplittableRandom(2)});
        assertThat(all.means()).hasNumberOfRows(12);
        for (int s = 0; s < 4; s++) {
            assertThat(all.codes()[4 + s]).isEqualTo(second.codes()[s]);
            assertThat(all.means()[4 + s]).containsExactly(second.means()[s], org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void bundleRoundTripKeepsTheCompletions(@TempDir Path dir) throws Exception {
        SameDiffVaeac m = trained(4, 1);
        Path file = dir.resolve("v.lexb");
        new ModelBundle(m, null, null, null).save(file);
        try (ModelBundle b = ModelBundle.load(file)) {
            assertThat(b.config().kind()).isEqualTo("vaeac");
            assertThat(b.config().arch()).isEqualTo("conv");
            SameDiffVaeac loaded = (SameDiffVaeac) b.model();
            float[][] x = halves(2, 3).rows();
            float[][] masks = {new float[64], new float[64]};
            java.util.Arrays.fill(masks[0], 0, 32, 1f);
            java.util.Arrays.fill(masks[1], 32, 64, 1f);
            SplittableRandom[] r1 = {new SplittableRandom(5), new SplittableRandom(6)};
            SplittableRandom[] r2 = {new SplittableRandom(5), new SplittableRandom(6)};
            assertThat(loaded.sampleCompletions(x, masks, 3, r1).means())
                    .isEqualTo(m.sampleCompletions(x, masks, 3, r2).means());
        }
    }

    @Test
    void aGlobalPathAddsItsTwoDenseLayersAndWidensTheFirstDecoderStage() {
        Map<String, long[]> without = ModelLimits.check(config()).weights();
        Map<String, long[]> with = ModelLimits.check(pathConfig()).weights();
        assertThat(without).doesNotContainKeys("decPath0_W", "decPath1_W");
        // The deepest map is 8 channels of 2×2 = 32 values: 32 → 16 → 32, then 8 more input channels.
        assertThat(with.get("decPath0_W")).containsExactly(32, 16);
        assertThat(with.get("decPath1_W")).containsExactly(16, 32);
        assertThat(with.get("decConv1_W")).containsExactly(3, 3, 24, 4);
        assertThat(without.get("decConv1_W")).containsExactly(3, 3, 16, 4);
        assertThat(with.keySet()).containsAll(without.keySet()).hasSize(without.size() + 4);
        assertThatThrownBy(() -> ModelLimits.check(new ModelConfig("vaeac", "conv", SHAPE, 4, List.of(4, 8), null,
                "unit", "", List.of(), Map.of(SameDiffVaeac.PATH, -1)))).isInstanceOf(InputException.class)
                .hasMessageContaining("--path").hasMessageContaining("-1");
    }

    @Test
    void bundleRoundTripWithAGlobalPathKeepsTheCompletions(@TempDir Path dir) throws Exception {
        SameDiffVaeac m = VaeacFixtures.trained(pathConfig(), 4, 1);
        Path file = dir.resolve("p.lexb");
        new ModelBundle(m, null, null, null).save(file);
        try (ModelBundle b = ModelBundle.load(file)) {
            assertThat(b.config().extraInt(SameDiffVaeac.PATH, 0)).isEqualTo(16);
            assertThat(((SameDiffVaeac) b.model()).graph().hasVariable("decPath0_W")).isTrue();
            assertThat(completions((SameDiffVaeac) b.model())).isEqualTo(completions(m));
        }
    }

    @Test
    void aBundleMadeBeforeThePathLoadsWithoutOneAndCompletesAsBefore(@TempDir Path dir) throws Exception {
        SameDiffVaeac m = trained(4, 1);
        Path file = dir.resolve("old.lexb");
        new ModelBundle(m, null, null, null).save(file);
        String json = new String(readEntry(file, ModelBundle.CONFIG), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\"path\"");
        try (ModelBundle b = ModelBundle.load(file)) {
            assertThat(((SameDiffVaeac) b.model()).graph().hasVariable("decPath0_W")).isFalse();
            assertThat(completions((SameDiffVaeac) b.model())).isEqualTo(completions(m));
        }
        // The same weights under a config that asks for a path: refused, the missing weight named.
        String withPath = json.replaceFirst("\"extra\" : \\{[^}]*}", "\"extra\" : { \"path\" : 16 }");
        assertThat(withPath).contains("\"path\" : 16");
        Path bad = CraftedBundles.copy(file, dir.resolve("bad.lexb"),
                Map.of(ModelBundle.CONFIG, o -> o.write(withPath.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Set.of());
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad.toString());
    }

    @Test
    void theHybridTermIsALossTermOnlyWhenItHasAWeight() {
        SameDiffVaeac plain = (SameDiffVaeac) Models.create(config(), 3);
        ModelConfig c = config();
        SameDiffVaeac hybrid = (SameDiffVaeac) Models.create(new ModelConfig(c.kind(), c.arch(), c.inputShape(),
                c.latentDim(), c.hidden(), c.likelihood(), "unit", "", List.of(), Map.of(SameDiffVaeac.PRIOR_RECON, 0.5)), 3);
        float[][] x = halves(5, 2).rows();
        assertThat(plain.lossTermNames()).containsExactly("recon", "kl", "reg");
        LossTerms t = hybrid.loss(x, new SplittableRandom(1));
        assertThat(t.terms()).containsOnlyKeys("recon", "kl", "reg", "gsnn");
        assertThat(t.terms().get("gsnn")).isFinite().isPositive();
        // Same seed, same weights: the terms both share are the same; the hybrid's loss adds its own.
        LossTerms p = plain.loss(x, new SplittableRandom(1));
        assertThat(t.terms().get("recon")).isEqualTo(p.terms().get("recon"));
        assertThat(t.loss()).isCloseTo(p.loss() + t.terms().get("gsnn"), org.assertj.core.data.Offset.offset(1e-6));
        assertThatThrownBy(() -> ModelLimits.check(new ModelConfig(c.kind(), c.arch(), c.inputShape(), c.latentDim(),
                c.hidden(), c.likelihood(), "unit", "", List.of(), Map.of(SameDiffVaeac.PRIOR_RECON, -1.0))))
                .isInstanceOf(InputException.class).hasMessageContaining("--prior-recon");
    }

    private static ModelConfig pathConfig() {
        return SameDiffVaeac.config(SHAPE, 4, List.of(4, 8), Likelihood.BERNOULLI, 16);
    }

    /** Three completions of two images, top and bottom half hidden, from fixed streams. */
    private static float[][] completions(SameDiffVaeac m) {
        float[][] x = halves(2, 3).rows();
        float[][] masks = {new float[64], new float[64]};
        java.util.Arrays.fill(masks[0], 0, 32, 1f);
        java.util.Arrays.fill(masks[1], 32, 64, 1f);
        return m.sampleCompletions(x, masks, 3, new SplittableRandom[]{new SplittableRandom(5), new SplittableRandom(6)})
                .means();
    }

    @Test
    void aBundleWhoseWeightsDisagreeWithItsVaeacConfigIsRefusedNamingTheFile(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.lexb");
        new ModelBundle(Models.create(config(), 1), null, null, null).save(good);
        // The config now says 5 latent dimensions; the weights were made for 4.
        String json = new String(readEntry(good, ModelBundle.CONFIG), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"latentDim\" : 4", "\"latentDim\" : 5");
        assertThat(json).contains("\"latentDim\" : 5");
        Path bad = CraftedBundles.copy(good, dir.resolve("bad.lexb"),
                Map.of(ModelBundle.CONFIG, o -> o.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Set.of());
        assertThatThrownBy(() -> ModelBundle.load(bad)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(bad.toString()).hasMessageContaining("weight prior").hasMessageContaining("shape");
        String dense = json.replace("\"arch\" : \"conv\"", "\"arch\" : \"dense\"");
        Path denseFile = CraftedBundles.copy(good, dir.resolve("dense.lexb"),
                Map.of(ModelBundle.CONFIG, o -> o.write(dense.getBytes(java.nio.charset.StandardCharsets.UTF_8))), Set.of());
        assertThatThrownBy(() -> ModelBundle.load(denseFile)).isInstanceOf(InputException.class)
                .hasMessageStartingWith(denseFile.toString()).hasMessageContaining("a vaeac is convolutional");
    }

    @Test
    void imagesTheStagesCannotHalveAndOtherLikelihoodsAreRefused() {
        assertThatThrownBy(() -> Models.create(SameDiffVaeac.config(ImageShape.grey(10, 10), 2, List.of(4, 8), null), 1))
                .isInstanceOf(InputException.class).hasMessageContaining("divide by 4").hasMessageContaining("10x10");
        assertThatThrownBy(() -> Models.create(SameDiffVaeac.config(SHAPE, 2, List.of(4), Likelihood.parse("gaussian:0.1")), 1))
                .isInstanceOf(InputException.class).hasMessageContaining("Bernoulli");
    }

    @Test
    void trainingMasksAreSeededNeverEmptyAndCoverEveryChannel() {
        ImageShape rgb = new ImageShape(3, 8, 8);
        SplittableRandom a = new SplittableRandom(3), b = new SplittableRandom(3);
        for (int i = 0; i < 200; i++) {
            float[] m = VaeacMasks.draw(rgb, a);
            assertThat(m).isEqualTo(VaeacMasks.draw(rgb, b));
            double sum = 0;
            for (int p = 0; p < 64; p++) {
                assertThat(m[p]).isEqualTo(m[64 + p]).isEqualTo(m[128 + p]);
                sum += m[p];
            }
            assertThat(sum).isPositive();
        }
    }

    @Test
    void theShareOfHalvesSetsHowManyTrainingMasksAreHalves() {
        ImageShape shape = ImageShape.grey(8, 8);
        for (double share : new double[]{0, 0.75, 1}) {
            SplittableRandom rng = new SplittableRandom(5);
            int halves = 0, n = 4000;
            for (int i = 0; i < n; i++) {
                halves += isHalf(VaeacMasks.draw(shape, share, rng)) ? 1 : 0;
            }
            // Squares can be halves only by chance shape; strokes and random pixels almost never are.
            assertThat(halves / (double) n).as("share %s", share).isCloseTo(share, org.assertj.core.data.Offset.offset(0.03));
        }
        SplittableRandom a = new SplittableRandom(9), b = new SplittableRandom(9);
        for (int i = 0; i < 50; i++) { // the default share draws the masks of the bundles made before it could be set
            assertThat(VaeacMasks.draw(shape, SameDiffVaeac.DEFAULT_HALF_MASKS, a)).isEqualTo(VaeacMasks.draw(shape, b));
        }
    }

    @Test
    void aModelGivenAnotherShareKeepsItsWeightsAndRecordsTheShare() {
        SameDiffVaeac m = (SameDiffVaeac) Models.create(config(), 4);
        SameDiffVaeac h = m.withHalfMasks(0.75);
        assertThat(SameDiffVaeac.halfMasks(m.config())).isEqualTo(0.5);
        assertThat(SameDiffVaeac.halfMasks(h.config())).isEqualTo(0.75);
        float[][] x = {new float[SHAPE.size()]};
        assertThat(h.encode(x).mean()).isEqualTo(m.encode(x).mean());
        float[][] batch = new float[64][SHAPE.size()];
        float[][] masks = m.withHalfMasks(1).trainingFeatures(org.nd4j.linalg.factory.Nd4j.create(batch),
                new SplittableRandom(2), 1)[1].toFloatMatrix();
        for (float[] mask : masks) {
            assertThat(isHalf(mask)).as("the model trains on the share it was given").isTrue();
        }
        assertThatThrownBy(() -> m.withHalfMasks(1.5)).isInstanceOf(InputException.class)
                .hasMessageContaining("--half-masks").hasMessageContaining("1.5");
    }

    /** Whether {@code m} hides exactly one half of a square image: top, bottom, left or right. */
    private static boolean isHalf(float[] m) {
        int s = (int) Math.round(Math.sqrt(m.length));
        boolean top = true, bottom = true, left = true, right = true;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                boolean hidden = m[y * s + x] == 1f;
                top &= hidden == (y < s / 2);
                bottom &= hidden == (y >= s / 2);
                left &= hidden == (x < s / 2);
                right &= hidden == (x >= s / 2);
            }
        }
        return top || bottom || left || right;
    }

    private static byte[] readEntry(Path zip, String name) throws Exception {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }
}
