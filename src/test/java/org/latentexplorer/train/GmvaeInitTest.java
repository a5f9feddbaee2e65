package org.latentexplorer.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.TinyData;

class GmvaeInitTest {
    private static final Dataset DATA = TinyData.twoPrototypes(256, 3);

    private static SameDiffGmvae tiny(String init) {
        return tiny(init, false);
    }

    private static SameDiffGmvae tiny(String init, boolean pretrainNoise) {
        return tiny(init, pretrainNoise, false);
    }

    private static SameDiffGmvae tiny(String init, boolean pretrainNoise, boolean pretrainVae) {
        ModelConfig c = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "wDim", 1, "priorHidden", 8, "yHidden", 8,
                "pretrainEpochs", 15, "initClustering", init, SameDiffGmvae.PRETRAIN_NOISE, pretrainNoise,
                SameDiffGmvae.PRETRAIN_VAE, pretrainVae));
        return SameDiffGmvae.create(c, 7);
    }

    private static int[] argmax(float[][] r) {
        int[] a = new int[r.length];
        for (int i = 0; i < r.length; i++) {
            a[i] = r[i][0] >= r[i][1] ? 0 : 1;
        }
        return a;
    }

    @Test
    void kMeansGivesEachOfTwoSeparatedBlobsItsOwnCluster() {
        SplittableRandom rng = new SplittableRandom(1);
        float[][] x = new float[200][2];
        int[] truth = new int[200];
        for (int i = 0; i < x.length; i++) {
            truth[i] = i % 2;
            x[i][0] = (float) (truth[i] * 10 + rng.nextGaussian());
            x[i][1] = (float) (-truth[i] * 5 + rng.nextGaussian());
        }
        int[] labels = GmvaeInit.kMeans(x, 2, 3);
        assertThat(ClusterMetrics.compute(truth, labels, 2, 2).accuracy()).isEqualTo(1.0);
        GmvaeInit.Clusters c = GmvaeInit.clusterStats(x, labels, 2);
        int one = labels[1];
        assertThat(c.sizes()).containsExactly(100, 100);
        assertThat(c.means()[one][0]).isCloseTo(10, within(0.5));
        assertThat(c.variances()[one][1]).isCloseTo(1, within(0.4));
    }

    @Test
    void gaussianMixtureGivesBackThePointsKMeansCutOffABroadBlob() {
        // A broad blob (sd 3, 300 points) beside a narrow one (sd 0.5, 100 points, 6 away): k-means' straight
        // border sits midway and hands the broad blob's near edge to the narrow cluster; a full-covariance
        // mixture started from those clusters gives it back.
        SplittableRandom rng = new SplittableRandom(4);
        float[][] x = new float[400][2];
        int[] truth = new int[400];
        for (int i = 0; i < x.length; i++) {
            truth[i] = i < 300 ? 0 : 1;
            double sd = truth[i] == 0 ? 3 : 0.5;
            x[i][0] = (float) (truth[i] * 6 + sd * rng.nextGaussian());
            x[i][1] = (float) (sd * rng.nextGaussian());
        }
        int[] km = GmvaeInit.kMeans(x, 2, 3);
        int[] gmm = GmvaeInit.gaussianMixture(x, km, 2);
        double kmAcc = ClusterMetrics.compute(truth, km, 2, 2).accuracy();
        double gmmAcc = ClusterMetrics.compute(truth, gmm, 2, 2).accuracy();
        assertThat(kmAcc).isLessThan(0.93);
        assertThat(gmmAcc).isGreaterThanOrEqualTo(0.97).isGreaterThan(kmAcc);
    }

    @Test
    void aMixtureOnTheCodesMendsAPartitionWhoseBordersAreOff() {
        // Two 5-D classes, means 4 apart along the first axis, sd 1: the start partition (as a 2-D layout's
        // clusters might be) has 20 % of the points on the wrong side; the full-covariance mixture on the
        // codes themselves, started there (--init umap-gmm-codes), puts the border back where the densities meet.
        SplittableRandom rng = new SplittableRandom(7);
        int n = 600, d = 5;
        float[][] x = new float[n][d];
        int[] truth = new int[n];
        int[] start = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 2;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) ((j == 0 ? 4 * truth[i] : 0) + rng.nextGaussian());
            }
            start[i] = rng.nextDouble() < 0.2 ? 1 - truth[i] : truth[i];
        }
        double before = ClusterMetrics.compute(truth, start, 2, 2).accuracy();
        double after = ClusterMetrics.compute(truth, GmvaeInit.gaussianMixture(x, start, 2), 2, 2).accuracy();
        assertThat(before).isLessThan(0.85);
        assertThat(after).isGreaterThanOrEqualTo(0.96);
    }

    @Test
    void theCodesAreMoreLikelyUnderTheMixtureOfThePartitionThatFollowsTheirClasses() {
        // Three 3-D Gaussian classes (means 5 apart, sd 1). A partition that follows them scores higher than one
        // that merges two classes and splits the third in half, and than the true one with 20 % of its labels
        // moved; a partition with a cluster too small for a covariance cannot be scored.
        SplittableRandom rng = new SplittableRandom(11);
        int n = 600, d = 3;
        float[][] x = new float[n][d];
        int[] truth = new int[n], merged = new int[n], noisy = new int[n];
        for (int i = 0; i < n; i++) {
            truth[i] = i % 3;
            for (int j = 0; j < d; j++) {
                x[i][j] = (float) ((j == truth[i] ? 5 : 0) + rng.nextGaussian());
            }
            merged[i] = truth[i] == 2 ? (x[i][0] > 0 ? 1 : 2) : 0;
            noisy[i] = rng.nextDouble() < 0.2 ? (truth[i] + 1) % 3 : truth[i];
        }
        double good = GmvaeInit.codeLikelihood(x, truth, 3);
        assertThat(good).isFinite().isGreaterThan(GmvaeInit.codeLikelihood(x, merged, 3))
                .isGreaterThan(GmvaeInit.codeLikelihood(x, noisy, 3));
        int[] tiny = truth.clone();
        for (int i = 0; i < n; i++) {
            tiny[i] = i < 3 ? 2 : tiny[i] == 2 ? 1 : tiny[i];
        }
        assertThat(GmvaeInit.codeLikelihood(x, tiny, 3)).isEqualTo(Double.NEGATIVE_INFINITY);
    }

    @Test
    void aPartitionThatMergesTwoClassesAndSplitsAThirdPaysForItsUnequalClusters() {
        // The failure of session 7 on MNIST, in 2-D: classes A and B overlap (means 1 apart, sd 1), class C has two
        // lobes 4 apart. Merging A and B and splitting C fits the density better (mean log-likelihood with the
        // fitted weights −3.78 against −3.84 in a numpy draw of the same construction; session 7's score, which
        // used those weights, fails this test), but gives clusters of 1/2, 1/4, 1/4. Under the GMVAE's prior
        // weights 1/K the classes score higher.
        SplittableRandom rng = new SplittableRandom(3);
        int per = 300;
        float[][] x = new float[3 * per][];
        int[] truth = new int[3 * per], mergeSplit = new int[3 * per];
        for (int i = 0; i < 3 * per; i++) {
            truth[i] = i / per;
            boolean secondLobe = truth[i] == 2 && i % 2 == 1;
            double cx = truth[i] == 1 ? 1 : secondLobe ? 4 : 0;
            double cy = truth[i] == 2 ? 8 : 0;
            x[i] = new float[]{(float) (cx + rng.nextGaussian()), (float) (cy + rng.nextGaussian())};
            mergeSplit[i] = truth[i] < 2 ? 0 : secondLobe ? 2 : 1;
        }
        assertThat(GmvaeInit.codeLikelihood(x, truth, 3)).isFinite()
                .isGreaterThan(GmvaeInit.codeLikelihood(x, mergeSplit, 3) + 0.05);
    }

    @Test
    void theStartCanChooseItsLayoutByTheCodesLikelihoodAndStillSeparatesTheClasses() {
        ModelConfig c = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "wDim", 1, "priorHidden", 8, "yHidden", 8,
                "pretrainEpochs", 15, SameDiffGmvae.INIT_LAYOUTS, 3, SameDiffGmvae.LAYOUT_CHOICE, SameDiffGmvae.CHOICE_LIKELIHOOD));
        SameDiffGmvae m = SameDiffGmvae.create(c, 7);
        assertThat(m.layoutChoice()).isEqualTo(SameDiffGmvae.CHOICE_LIKELIHOOD);
        String started = startMessages(m).stream().filter(s -> s.startsWith("Mixture started")).findFirst().orElseThrow();
        assertThat(started).containsPattern("UMAP layout [1-3] of 3 \\(mean log-likelihood of the codes under each "
                + "partition's mixture, clusters weighted 1/K, (-?[0-9.]+|n/a), (-?[0-9.]+|n/a), (-?[0-9.]+|n/a)\\)")
                .containsPattern("mixture .*[0-9]");
        int[] assigned = argmax(m.responsibilities(TinyData.rows(DATA)));
        assertThat(ClusterMetrics.compute(DATA.labels(), assigned, 2, 2).accuracy()).isGreaterThanOrEqualTo(0.98);
        ModelConfig bad = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, SameDiffGmvae.LAYOUT_CHOICE, "best"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SameDiffGmvae.create(bad, 1))
                .isInstanceOf(org.latentexplorer.common.InputException.class).hasMessageContaining("--layout-choice");
    }

    @Test
    void theLayoutKeptIsThePartitionTheOthersAgreeWith() {
        // Three partitions of 12 points into 3 clusters: the first two agree up to relabelling, the third
        // merges two clusters and splits one; a fourth differs from the first two by one point.
        int[] a = {0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
        int[] relabelled = {2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1};
        int[] merged = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2};
        int[] nearly = {1, 1, 1, 1, 2, 2, 2, 0, 0, 0, 0, 0};
        double[] agree = GmvaeInit.agreement(new int[][]{merged, a, nearly, relabelled}, 3);
        assertThat(agree[1]).isEqualTo(agree[3]).isGreaterThan(agree[2]).isGreaterThan(agree[0]);
        assertThat(GmvaeInit.agreement(new int[][]{merged}, 3)).containsExactly(1.0);
    }

    @Test
    void initialisationStartsOneComponentOnEachClassAndQyFollowsIt() {
        for (String init : List.of(SameDiffGmvae.INIT_KMEANS, SameDiffGmvae.INIT_UMAP_GMM, SameDiffGmvae.INIT_UMAP_GMM_CODES)) {
            SameDiffGmvae m = tiny(init);
            float[][] x = TinyData.rows(DATA);
            List<String> messages = new ArrayList<>();
            TrainConfig cfg = new TrainConfig(1, 32, 1e-2, 0, 1, 0, 0, 0, Binarization.NONE, 5);
            boolean done = GmvaeInit.run(m, DATA.values(), DATA.dim(), cfg, new SplittableRandom(2), new TrainingListener() {
                @Override
                public void onMessage(String msg) {
                    messages.add(msg);
                }
            }, CancelToken.NONE);

            assertThat(done).isTrue();
            assertThat(messages).hasSizeGreaterThanOrEqualTo(16).last().asString().contains("Mixture started").contains("cluster sizes");
            if (init.equals(SameDiffGmvae.INIT_UMAP_GMM)) {
                // The default start lays out and clusters five layouts, then names the one it kept and the codes'
                // likelihood under each.
                assertThat(messages).filteredOn(s -> s.startsWith("Laying out")).hasSize(SameDiffGmvae.DEFAULT_INIT_LAYOUTS);
                assertThat(messages.getLast()).containsPattern("UMAP layout [1-5] of 5 \\(mean log-likelihood of the codes");
            }
            assertThat(messages.getLast().contains("refined by a Gaussian mixture on the codes")).as(init)
                    .isEqualTo(init.equals(SameDiffGmvae.INIT_UMAP_GMM_CODES));
            // q(y|w,z) separates the two classes, one component each.
            int[] assigned = argmax(m.responsibilities(x));
            assertThat(ClusterMetrics.compute(DATA.labels(), assigned, 2, 2).accuracy()).as(init).isGreaterThanOrEqualTo(0.98);
            // The codes are standardised, and each component of p(z|w, y) sits on its class's codes.
            float[][] codes = m.encode(x).mean();
            double[][] classMean = new double[2][2];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < 2; j++) {
                    classMean[DATA.labels()[i]][j] += codes[i][j] / (x.length / 2.0);
                }
            }
            float[][][] prior = m.conditionalPrior(new float[][]{{0f}, {1.5f}});
            for (int k = 0; k < 2; k++) {
                int cls = DATA.labels()[firstIndexOf(assigned, k)];
                for (int j = 0; j < 2; j++) {
                    assertThat((double) prior[0][0][k * 2 + j]).as(init + " component " + k).isCloseTo(classMean[cls][j], within(0.1));
                    assertThat(prior[0][1][k * 2 + j]).as("the prior does not depend on w yet").isEqualTo(prior[0][0][k * 2 + j]);
                }
            }
        }
    }

    @Test
    void jointEpochsAfterAPretrainedStartRunAtATenthOfTheRateAfterAVaeAHundredthUnlessTold() {
        for (Double joint : java.util.Arrays.asList(null, 0.005, -1.0)) {
            Map<String, Object> extra = new java.util.HashMap<>(Map.of("clusters", 2, "wDim", 1, "priorHidden", 8,
                    "yHidden", 8, "pretrainEpochs", 1, "initClustering", SameDiffGmvae.INIT_KMEANS));
            if (joint != null && joint < 0) {
                extra.put(SameDiffGmvae.PRETRAIN_VAE, true);
            } else if (joint != null) {
                extra.put(SameDiffGmvae.JOINT_LR, joint);
            }
            SameDiffGmvae m = SameDiffGmvae.create(new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16),
                    Likelihood.BERNOULLI, "unit", "t", List.of(), extra), 7);
            List<String> messages = new ArrayList<>();
            TrainConfig cfg = new TrainConfig(1, 64, 1e-2, 0, 1, 0, 0, 0, Binarization.NONE, 5);
            Trainer.train(m, DATA, cfg, "test", null, new TrainingListener() {
                @Override
                public void onMessage(String msg) {
                    messages.add(msg);
                }
            }, CancelToken.NONE);
            assertThat(messages).contains("Joint training of the whole GMVAE at learning rate "
                    + (joint == null ? 1e-3 : joint < 0 ? 1e-4 : joint));
        }
    }

    @Test
    void aSeededRunWithAPretrainedStartRepeatsBitForBit() {
        List<Map<String, float[]>> weights = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SameDiffGmvae m = tiny(SameDiffGmvae.INIT_UMAP_GMM);
            TrainConfig cfg = new TrainConfig(2, 32, 1e-2, 0, 1, 0, 0, 0, Binarization.DYNAMIC, 5);
            Trainer.train(m, DATA, cfg, "test", null, new TrainingListener() { }, CancelToken.NONE);
            Map<String, float[]> w = new java.util.TreeMap<>();
            m.graph().variables().stream().filter(v -> v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE)
                    .forEach(v -> w.put(v.name(), v.getArr().dup('c').data().asFloat()));
            weights.add(w);
        }
        assertThat(weights.get(0)).isNotEmpty();
        weights.get(0).forEach((name, w) -> assertThat(weights.get(1).get(name)).as(name).containsExactly(w));
    }

    @Test
    void pretrainingOnSamplesOfTheCodesUsesTheNoiseRepeatsAndStillSeparatesTheClasses() {
        List<float[]> decoders = new ArrayList<>();
        for (boolean noise : new boolean[]{true, true, false}) {
            SameDiffGmvae m = tiny(SameDiffGmvae.INIT_KMEANS, noise);
            assertThat(m.pretrainNoise()).isEqualTo(noise);
            TrainConfig cfg = new TrainConfig(1, 32, 1e-2, 0, 1, 0, 0, 0, Binarization.NONE, 5);
            assertThat(GmvaeInit.run(m, DATA.values(), DATA.dim(), cfg, new SplittableRandom(2), new TrainingListener() { },
                    CancelToken.NONE)).isTrue();
            int[] assigned = argmax(m.responsibilities(TinyData.rows(DATA)));
            assertThat(ClusterMetrics.compute(DATA.labels(), assigned, 2, 2).accuracy()).as("noise " + noise)
                    .isGreaterThanOrEqualTo(0.98);
            decoders.add(m.graph().getVariable("decOut_W").getArr().dup('c').data().asFloat());
        }
        assertThat(decoders.get(1)).as("same seed, same weights").containsExactly(decoders.get(0));
        assertThat(decoders.get(2)).as("the noise changes what the autoencoder learns").isNotEqualTo(decoders.get(0));
    }

    /** Runs the start on the tiny data (one epoch's settings, seeded) and returns what it said. */
    private static List<String> startMessages(SameDiffGmvae m) {
        TrainConfig cfg = new TrainConfig(1, 32, 1e-2, 0, 1, 0, 0, 0, Binarization.NONE, 5);
        List<String> messages = new ArrayList<>();
        assertThat(GmvaeInit.run(m, DATA.values(), DATA.dim(), cfg, new SplittableRandom(2), new TrainingListener() {
            @Override
            public void onMessage(String msg) {
                messages.add(msg);
            }
        }, CancelToken.NONE)).isTrue();
        return messages;
    }

    @Test
    void aVaeStartHandsOverItsWeightsKeepsItsVariancesRepeatsAndSeparatesTheClasses() {
        List<float[]> decoders = new ArrayList<>();
        for (boolean vae : new boolean[]{true, true, false}) {
            SameDiffGmvae m = tiny(SameDiffGmvae.INIT_KMEANS, false, vae);
            assertThat(m.pretrainVae()).isEqualTo(vae);
            List<String> messages = startMessages(m);
            assertThat(messages.stream().anyMatch(msg -> msg.startsWith("Pre-training a VAE"))).as("vae " + vae).isEqualTo(vae);
            int[] assigned = argmax(m.responsibilities(TinyData.rows(DATA)));
            double accuracy = ClusterMetrics.compute(DATA.labels(), assigned, 2, 2).accuracy();
            // On this tiny set the VAE's KL term leaves a few examples of each prototype among the other's codes
            // (k-means on its codes: 0.95); the mixture's clusters must be as good as its codes allow.
            double codes = ClusterMetrics.compute(DATA.labels(),
                    GmvaeInit.kMeans(m.encode(TinyData.rows(DATA)).mean(), 2, 1), 2, 2).accuracy();
            assertThat(accuracy).as("vae " + vae).isGreaterThanOrEqualTo(vae ? 0.9 : 0.98)
                    .isGreaterThanOrEqualTo(codes - 0.01);
            // The narrow start zeroes q(z|x)'s log-variance weights; the VAE start keeps the VAE's own.
            float[] logVarW = m.graph().getVariable("zLogVar_W").getArr().dup('c').data().asFloat();
            boolean allZero = true;
            for (float v : logVarW) {
                allZero &= v == 0f;
            }
            assertThat(allZero).as("vae " + vae).isEqualTo(!vae);
            decoders.add(m.graph().getVariable("decOut_W").getArr().dup('c').data().asFloat());
        }
        assertThat(decoders.get(1)).as("same seed, same weights").containsExactly(decoders.get(0));
        assertThat(decoders.get(2)).as("a VAE learns another decoder than the autoencoder").isNotEqualTo(decoders.get(0));
    }

    @Test
    void severalPretrainingRunsKeepTheRunOfTheMedoidPartitionAndSeparateTheClasses() {
        ModelConfig c = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "wDim", 1, "priorHidden", 8, "yHidden", 8,
                "pretrainEpochs", 15, "initClustering", SameDiffGmvae.INIT_KMEANS, SameDiffGmvae.INIT_RUNS, 3,
                SameDiffGmvae.LAYOUT_CHOICE, SameDiffGmvae.CHOICE_AGREEMENT));
        SameDiffGmvae m = SameDiffGmvae.create(c, 7);
        List<String> messages = startMessages(m);
        assertThat(messages).contains("Pre-training run 1 of 3", "Pre-training run 3 of 3");
        String started = messages.stream().filter(s -> s.startsWith("Mixture started")).findFirst().orElseThrow();
        assertThat(started).containsPattern("k-means on the codes of pre-training run [123] of 3 \\(mean adjusted Rand index with "
                + "the other 2 partitions");
        int[] assigned = argmax(m.responsibilities(TinyData.rows(DATA)));
        assertThat(ClusterMetrics.compute(DATA.labels(), assigned, 2, 2).accuracy()).isGreaterThanOrEqualTo(0.98);
        ModelConfig none = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "pretrainEpochs", 0, SameDiffGmvae.INIT_RUNS, 2));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SameDiffGmvae.create(none, 1))
                .isInstanceOf(org.latentexplorer.common.InputException.class).hasMessageContaining("--pretrain-runs");
    }

    @Test
    void unitLengthScalesEachCodeToLengthOneAndLeavesAZeroCode() {
        float[][] unit = GmvaeInit.unitLength(new float[][]{{3f, -4f}, {0f, 0f}, {0.001f, 0f}});
        assertThat(unit[0]).containsExactly(0.6f, -0.8f);
        assertThat(unit[1]).containsExactly(0f, 0f);
        assertThat(unit[2]).containsExactly(1f, 0f);
    }

    @Test
    void aCosineLayoutSeparatesClassesThatDifferInDirectionNotLength() {
        // Two classes of codes along two rays 20° apart, their lengths spread from 0.05 to 20 (as a garment's code
        // grows with its brightness): in Euclidean distance the classes touch along the whole length (the
        // layout's partition then cuts by length: accuracy 0.535 here), their directions never do.
        SplittableRandom r = new SplittableRandom(3);
        int n = 400;
        float[][] codes = new float[n][];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            double angle = labels[i] * 0.35 + 0.05 * (r.nextDouble() - 0.5);
            double length = Math.exp(r.nextDouble(-3, 3));
            codes[i] = new float[]{(float) (length * Math.cos(angle)), (float) (length * Math.sin(angle))};
        }
        ModelConfig c = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "wDim", 1, "pretrainEpochs", 15, SameDiffGmvae.INIT_LAYOUTS, 2,
                SameDiffGmvae.LAYOUT_METRIC, SameDiffGmvae.METRIC_COSINE));
        SameDiffGmvae m = SameDiffGmvae.create(c, 7);
        assertThat(m.layoutMetric()).isEqualTo(SameDiffGmvae.METRIC_COSINE);
        List<String> messages = new ArrayList<>();
        int[][] partitions = GmvaeInit.partitions(m, codes, new TrainConfig(1, 32, 1e-2, 0, 1, 0, 0, 0, Binarization.NONE, 5), 0,
                new TrainingListener() {
                    @Override
                    public void onMessage(String msg) {
                        messages.add(msg);
                    }
                }, CancelToken.NONE);
        assertThat(messages).hasSize(2).allMatch(msg -> msg.contains("cosine distances"));
        for (int[] p : partitions) {
            assertThat(ClusterMetrics.compute(labels, p, 2, 2).accuracy()).isGreaterThanOrEqualTo(0.99);
        }
        ModelConfig bad = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, SameDiffGmvae.LAYOUT_METRIC, "manhattan"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SameDiffGmvae.create(bad, 1))
                .isInstanceOf(org.latentexplorer.common.InputException.class).hasMessageContaining("--layout-metric")
                .hasMessageContaining("manhattan");
    }

    @Test
    void theStartsObjectiveNeedsAPretrainedStartAndOneChoice() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> tiny(SameDiffGmvae.INIT_KMEANS, true, true))
                .isInstanceOf(org.latentexplorer.common.InputException.class).hasMessageContaining("choose one");
        ModelConfig none = new ModelConfig("gmvae", "dense", ImageShape.grey(4, 4), 2, List.of(16), Likelihood.BERNOULLI,
                "unit", "t", List.of(), Map.of("clusters", 2, "pretrainEpochs", 0, SameDiffGmvae.PRETRAIN_VAE, true));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SameDiffGmvae.create(none, 1))
                .isInstanceOf(org.latentexplorer.common.InputException.class).hasMessageContaining("--pretrain-vae")
                .hasMessageContaining("--pretrain E");
    }

    @Test
    void standardisingTheCodesLeavesTheDecoderOutputUnchanged() {
        SameDiffGmvae m = tiny(SameDiffGmvae.INIT_KMEANS);
        float[][] x = TinyData.rows(DATA.limit(20));
        float[][] before = m.decode(m.encode(x).mean());
        float[][] z = m.standardiseCodes(m.encode(x).mean());
        float[][] after = m.decode(m.encode(x).mean());
        double[] mean = new double[2];
        for (int i = 0; i < x.length; i++) {
            for (int p = 0; p < 16; p++) {
                assertThat(after[i][p]).isCloseTo(before[i][p], within(1e-4f));
            }
            mean[0] += z[i][0] / x.length;
            mean[1] += z[i][1] / x.length;
            assertThat(m.encode(x).mean()[i][1]).isCloseTo(z[i][1], within(1e-4f));
        }
        assertThat(mean[0]).isCloseTo(0, within(1e-5));
    }

    private static int firstIndexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new AssertionError("no example assigned to component " + v);
    }
}
