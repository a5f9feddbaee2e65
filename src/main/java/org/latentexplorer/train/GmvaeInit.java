package org.latentexplorer.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.embed.Embeddings;
import org.latentexplorer.eval.ClusterMetrics;
import org.latentexplorer.eval.Evaluator;
import org.latentexplorer.embed.UmapOptions;
import org.latentexplorer.model.FastStep;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffVae;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;
import smile.stat.distribution.MultivariateExponentialFamilyMixture;
import smile.stat.distribution.MultivariateGaussianDistribution;
import smile.stat.distribution.MultivariateMixture;

/**
 * The VaDE-style start of a GMVAE (Jiang et al. 2017, "Variational Deep Embedding", §3.3): pre-train
 * the encoder and decoder as a plain autoencoder, cluster its codes, start the mixture from those
 * clusters, then train everything jointly. Without it the GMVAE's clusters form slowly and poorly
 * from a random start (docs/benchmarks-gmvae.md: 0.51 accuracy on MNIST after 12 epochs).
 *
 * <p>Steps: (1) autoencoder epochs — the GMVAE's own step with the KL weight 0 and no noise, so only
 * x → μ_z → decoder is trained (or, with {@link SameDiffGmvae#pretrainNoise}, x → z ~ q(z|x) → decoder);
 * (2) the codes (q(z|x) means of the training inputs) standardised per dimension, the model
 * reparameterised to match ({@link SameDiffGmvae#standardiseCodes}); (3) k-means with k-means++ seeding
 * (Smile; Arthur &amp; Vassilvitskii 2007), the best of {@link #RESTARTS} by distortion, as VaDE does,
 * on the codes or on their 2-D UMAP layout (N2D), and by default a full-covariance Gaussian mixture on
 * that layout started from it; with UMAP, several layouts are clustered and the partition that agrees
 * best with the others is kept (with {@code umap-gmm-codes} then refined by a full-covariance mixture
 * on the codes); (4) each component of p(z|w, y) set to one cluster's mean and per-dimension variance;
 * (5) q(y|w, z) trained to predict the clusters. With {@link SameDiffGmvae#pretrainVae} step (1) trains a
 * plain VAE of the same encoder and decoder instead and hands its weights over, and step (4) keeps its
 * q(z|x) variances; with {@link SameDiffGmvae#initRuns} steps (1)–(3) run several times and the run of
 * the medoid partition is kept. The joint epochs that follow run at {@link SameDiffGmvae#jointLearningRate}.
 */
final class GmvaeInit {
    static final int RESTARTS = 10;
    /** q(z|x)'s variance at the start of joint training, in standardised units. */
    static final double CODE_VARIANCE = 0.01;
    /** q(y|w, z) is fitted for this many epochs, and at least {@link #Y_STEPS} steps of 128. */
    private static final int Y_EPOCHS = 20, Y_STEPS = 400;
    /** At most this many EM steps for the Gaussian mixture of {@code --init umap-gmm}. */
    private static final int EM_STEPS = 500;

    private GmvaeInit() {
    }

    /**
     * @param values training inputs, row-major, {@code dim} per example (binarised when static)
     * @return false if cancelled
     */
    static boolean run(SameDiffGmvae m, float[] values, int dim, TrainConfig cfg, SplittableRandom rng,
                       TrainingListener listener, CancelToken cancel) {
        // With several pre-training runs, each from its own random weights: which run one gets moved the
        // Fashion-MNIST start by 4–6 points, more than any clustering of one run's codes (docs/benchmarks-gmvae.md,
        // sessions 5–6). All runs' partitions are pooled and the medoid (highest mean adjusted Rand index) picks
        // the partition and so the run.
        int runs = m.initRuns();
        float[][] rows = rows(values, dim);
        List<SameDiffGmvae> models = new ArrayList<>();
        List<float[][]> codes = new ArrayList<>();
        List<int[]> partitions = new ArrayList<>();
        int perRun = 0;
        for (int r = 0; r < runs; r++) {
            SameDiffGmvae mr = r == 0 ? m : m.sibling(rng.nextLong());
            if (runs > 1) {
                listener.onMessage(String.format("Pre-training run %d of %d", r + 1, runs));
            }
            if (!pretrain(mr, values, dim, cfg, rng, listener, cancel)) {
                return false;
            }
            float[][] c = mr.standardiseCodes(encodeMeans(mr, rows));
            int[][] p = partitions(mr, c, cfg, r, listener, cancel);
            if (p == null) {
                return false;
            }
            perRun = p.length;
            models.add(mr);
            codes.add(c);
            partitions.addAll(List.of(p));
        }
        boolean byLikelihood = m.layoutChoice().equals(SameDiffGmvae.CHOICE_LIKELIHOOD) && partitions.size() > 1;
        double[] score = new double[partitions.size()];
        if (byLikelihood) {
            for (int i = 0; i < score.length; i++) {
                score[i] = codeLikelihood(codes.get(i / perRun), partitions.get(i), m.clusterCount());
            }
            if (Arrays.stream(score).allMatch(v -> v == Double.NEGATIVE_INFINITY)) {
                listener.onMessage("No partition's Gaussian mixture could be fitted to the codes (a cluster too small "
                        + "or flat for a covariance); choosing by agreement instead");
                byLikelihood = false;
            }
        }
        if (!byLikelihood) {
            score = agreement(partitions.toArray(int[][]::new), m.clusterCount());
        }
        int best = argmax(score);
        int run = best / perRun;
        if (run != 0) {
            m.adoptWeights(models.get(run));
        }
        String from = describe(m, best % perRun, perRun)
                + (runs > 1 ? String.format(" of pre-training run %d of %d", run + 1, runs) : "")
                + (partitions.size() == 1 ? "" : byLikelihood
                ? " (mean log-likelihood of the codes under each partition's mixture, clusters weighted 1/K, " + formatted(score) + ")"
                : " (mean adjusted Rand index with the "
                + (runs > 1 ? "other " + (partitions.size() - 1) + " partitions " : "others ") + formatted(score) + ")");
        return finish(m, rows, codes.get(run), partitions.get(best), from, cfg, listener, cancel);
    }

    /**
     * Step (1): the autoencoder epochs.
     *
     * @return false if cancelled
     */
    static boolean pretrain(SameDiffGmvae m, float[] values, int dim, TrainConfig cfg, SplittableRandom rng,
                            TrainingListener listener, CancelToken cancel) {
        if (m.pretrainVae()) {
            return pretrainVae(m, values, dim, cfg, rng, listener, cancel);
        }
        int n = values.length / dim;
        int epochs = m.pretrainEpochs();
        FastStep fast = m.fastStep(cfg.learningRate(), cfg.weightDecay()).orElseThrow();
        INDArray zeroW = null, zeroZ = null;
        INDArray noKl = Nd4j.create(new float[]{0f}, new long[]{1}, 'c');
        int iteration = 0;
        boolean noise = m.pretrainNoise();
        for (int e = 0; e < epochs; e++) {
            int[] order = Trainer.permutation(n, rng);
            double sum = 0;
            for (int s = 0; s < n; s += cfg.batchSize()) {
                if (cancel.isCancelled()) {
                    return false;
                }
                int b = Math.min(cfg.batchSize(), n - s);
                float[] batch = batch(values, dim, order, s, b, cfg, rng);
                if (zeroW == null || zeroW.size(0) != b) {
                    zeroW = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, m.wDim());
                    zeroZ = Nd4j.zeros(org.nd4j.linalg.api.buffer.DataType.FLOAT, b, m.latentDim());
                }
                INDArray x = Nd4j.create(batch, new long[]{b, dim}, 'c');
                INDArray epsZ = noise ? standardNormal(b, m.latentDim(), rng) : zeroZ;
                sum += fast.step(new INDArray[]{x, zeroW, epsZ, noKl}, iteration++, e)[0] * b;
            }
            listener.onMessage(String.format("Pre-training the autoencoder%s (VaDE start), epoch %d/%d: "
                    + "reconstruction %.2f nats", noise ? " on samples of q(z|x)" : "", e + 1, epochs, sum / n));
        }
        return true;
    }

    /**
     * Step (1) with {@link SameDiffGmvae#pretrainVae}: a plain VAE of the same encoder and decoder, trained
     * with its full ELBO (Kingma &amp; Welling 2014, eq. 10: reconstruction plus KL(q(z|x) ‖ N(0, I))), then its
     * weights copied into the GMVAE.
     */
    private static boolean pretrainVae(SameDiffGmvae m, float[] values, int dim, TrainConfig cfg,
                                         SplittableRandom rng, TrainingListener listener, CancelToken cancel) {
        int n = values.length / dim;
        int epochs = m.pretrainEpochs();
        SameDiffVae vae = m.matchingVae(rng.nextLong());
        FastStep fast = vae.fastStep(cfg.learningRate(), cfg.weightDecay()).orElseThrow();
        int iteration = 0;
        for (int e = 0; e < epochs; e++) {
            int[] order = Trainer.permutation(n, rng);
            double recon = 0, kl = 0;
            for (int s = 0; s < n; s += cfg.batchSize()) {
                if (cancel.isCancelled()) {
                    return false;
                }
                int b = Math.min(cfg.batchSize(), n - s);
                float[] batch = batch(values, dim, order, s, b, cfg, rng);
                INDArray x = Nd4j.create(batch, new long[]{b, dim}, 'c');
                double[] terms = fast.step(vae.trainingFeatures(x, rng, 1.0), iteration++, e);
                recon += terms[0] * b;
                kl += terms[1] * b;
            }
            listener.onMessage(String.format("Pre-training a VAE of the same encoder and decoder (start), epoch %d/%d: "
                    + "reconstruction %.2f, KL %.2f nats", e + 1, epochs, recon / n, kl / n));
        }
        m.adoptWeights(vae);
        return true;
    }

    /** Rows {@code order[s..s+b)} of {@code values}, binarised afresh when the run binarises dynamically. */
    private static float[] batch(float[] values, int dim, int[] order, int s, int b, TrainConfig cfg,
                                 SplittableRandom rng) {
        float[] batch = new float[b * dim];
        for (int i = 0; i < b; i++) {
            System.arraycopy(values, order[s + i] * dim, batch, i * dim, dim);
        }
        if (cfg.binarization() == Binarization.DYNAMIC) {
            Binarization.sample(batch, rng);
        }
        return batch;
    }

    /** The training inputs as rows, for the encoder and the fit of q(y|w, z). */
    static float[][] rows(float[] values, int dim) {
        int n = values.length / dim;
        float[][] rows = new float[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = Arrays.copyOfRange(values, i * dim, (i + 1) * dim);
        }
        return rows;
    }

    /** A rows × cols matrix of N(0, 1) draws (Box–Muller), from {@code rng} so that seeded runs repeat. */
    private static INDArray standardNormal(int rows, int cols, SplittableRandom rng) {
        float[] v = new float[rows * cols];
        for (int i = 0; i < v.length; i++) {
            double u = rng.nextDouble(), w = rng.nextDouble();
            v[i] = (float) (Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * w));
        }
        return Nd4j.create(v, new long[]{rows, cols}, 'c');
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** How partition {@code index} of {@code count} was found. */
    private static String describe(SameDiffGmvae m, int index, int count) {
        if (m.initClustering().equals(SameDiffGmvae.INIT_KMEANS)) {
            return "k-means on the codes";
        }
        boolean gmm = !m.initClustering().equals(SameDiffGmvae.INIT_UMAP);
        return String.format("%s on UMAP layout %d of %d", gmm ? "a Gaussian mixture" : "k-means", index + 1, count);
    }

    /**
     * Step (3) for one pre-training run's standardised codes: k-means on the codes, or the partitions of
     * {@link SameDiffGmvae#initLayouts} UMAP layouts (layout seeds distinct across runs). Null if cancelled.
     */
    static int[][] partitions(SameDiffGmvae m, float[][] codes, TrainConfig cfg, int run, TrainingListener listener,
                              CancelToken cancel) {
        if (m.initClustering().equals(SameDiffGmvae.INIT_KMEANS)) {
            return new int[][]{kMeans(codes, m.clusterCount(), cfg.seed() + 7919L * run)};
        }
        boolean gmm = !m.initClustering().equals(SameDiffGmvae.INIT_UMAP);
        int layouts = m.initLayouts();
        int[][] partitions = new int[layouts][];
        boolean cosine = m.layoutMetric().equals(SameDiffGmvae.METRIC_COSINE);
        float[][] laidOut = cosine ? unitLength(codes) : codes;
        for (int l = 0; l < layouts; l++) {
            listener.onMessage(String.format("Laying out the codes with UMAP (N2D start%s), layout %d/%d ...",
                    cosine ? ", cosine distances" : "", l + 1, layouts));
            // N2D (McConville et al. 2020, §3): cluster the UMAP manifold of the autoencoded codes rather than
            // the codes themselves; 20 neighbours and min-dist 0 as there, here in 2-D.
            long seed = cfg.seed() + 7919L * (run * layouts + l);
            float[][] xy = Embeddings.fit(laidOut, new UmapOptions(20, 0.0, 0, seed), null, cancel).xy();
            if (cancel.isCancelled()) {
                return null;
            }
            partitions[l] = kMeans(xy, m.clusterCount(), seed);
            if (gmm) {
                partitions[l] = gaussianMixture(xy, partitions[l], m.clusterCount());
            }
        }
        return partitions;
    }

    /**
     * Each code scaled to unit length (a zero code stays zero): Euclidean distance between unit vectors is
     * a monotone function of their cosine, √(2 − 2 cos), so UMAP's neighbours become cosine neighbours.
     */
    static float[][] unitLength(float[][] codes) {
        float[][] out = new float[codes.length][];
        for (int i = 0; i < codes.length; i++) {
            double norm = 0;
            for (float v : codes[i]) {
                norm += (double) v * v;
            }
            float scale = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
            out[i] = new float[codes[i].length];
            for (int j = 0; j < codes[i].length; j++) {
                out[i][j] = codes[i][j] * scale;
            }
        }
        return out;
    }

    /** Steps (3, refinement)–(5) from the chosen partition {@code labels} of {@code codes}; false if cancelled. */
    private static boolean finish(SameDiffGmvae m, float[][] rows, float[][] codes, int[] labels, String from,
                                  TrainConfig cfg, TrainingListener listener, CancelToken cancel) {
        if (cancel.isCancelled()) {
            return false;
        }
        if (m.initClustering().equals(SameDiffGmvae.INIT_UMAP_GMM_CODES)) {
            listener.onMessage("Refining the partition with a Gaussian mixture on the codes ...");
            // The 2-D layout keeps each code's neighbours but not the shape of the classes; a full-covariance
            // mixture on the d-dimensional codes, started from the layout's partition, moves the borders
            // to where the codes' own densities meet. On Fashion-MNIST that moved the start by −2 to +3 points
            // and the final accuracy not at all on average (docs/benchmarks-gmvae.md, session 5): an option.
            labels = gaussianMixture(codes, labels, m.clusterCount());
            from += ", refined by a Gaussian mixture on the codes";
        }
        Clusters c = clusterStats(codes, labels, m.clusterCount());
        // After a VAE start q(z|x) keeps the VAE's own variances, which its decoder is calibrated to (MNIST seed 1:
        // 215 / 29 nats lost under noise / dropout, against 218 / 31 with the narrow start; docs/benchmarks-gmvae.md).
        m.initialiseMixture(c.means(), c.variances(), m.pretrainVae() ? Double.NaN : CODE_VARIANCE);
        if (m.pretrainVae()) {
            List<Integer> capped = m.capCodeVariance(rows);
            if (!capped.isEmpty()) {
                listener.onMessage("q(z|x)'s variance capped at the codes' spread in dimensions " + capped
                        + " (dimensions the VAE left unused)");
            }
        }
        double ce = m.fitResponsibilities(rows, c.labels(),
                Math.max(Y_EPOCHS, Y_STEPS / ((rows.length + 127) / 128)), cfg.learningRate(), cfg.seed());
        listener.onMessage(String.format("Mixture started from %s: cluster sizes %s; q(y|w,z) fitted to them "
                + "(cross-entropy %.3f)", from, Arrays.toString(c.sizes()), ce));
        return true;
    }

    static float[][] encodeMeans(SameDiffGmvae m, float[][] rows) {
        float[][] out = new float[rows.length][];
        for (int s = 0; s < rows.length; s += 1000) {
            float[][] mean = m.encode(Arrays.copyOfRange(rows, s, Math.min(rows.length, s + 1000))).mean();
            System.arraycopy(mean, 0, out, s, mean.length);
        }
        return out;
    }

    /**
     * For each partition, its mean adjusted Rand index (Hubert &amp; Arabie 1985) with the other
     * partitions: the one that agrees best with the rest is the consensus choice among UMAP layouts
     * (a medoid partition, as in cluster-ensemble selection; Strehl &amp; Ghosh 2002 use mutual
     * information the same way). One partition alone scores 1.
     */
    static double[] agreement(int[][] partitions, int k) {
        int n = partitions.length;
        double[] mean = new double[n];
        if (n == 1) {
            mean[0] = 1;
            return mean;
        }
        for (int a = 0; a < n; a++) {
            for (int b = a + 1; b < n; b++) {
                double ari = ClusterMetrics.compute(partitions[a], partitions[b], k, k).ari();
                mean[a] += ari / (n - 1);
                mean[b] += ari / (n - 1);
            }
        }
        return mean;
    }

    private static String formatted(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.isEmpty() ? "" : ", ").append(v == Double.NEGATIVE_INFINITY ? "n/a" : String.format("%.3f", v));
        }
        return b.toString();
    }

    /** Hard clusters with each one's mean and per-dimension variance. */
    record Clusters(int[] labels, int[] sizes, double[][] means, double[][] variances) {
    }

    /** k-means labels, the lowest-distortion of {@link #RESTARTS} k-means++ starts (seeded). */
    static int[] kMeans(float[][] codes, int k, long seed) {
        double[][] x = toDouble(codes);
        MathEx.setSeed(seed);
        CentroidClustering<double[], double[]> best = null;
        for (int r = 0; r < RESTARTS; r++) {
            CentroidClustering<double[], double[]> km = KMeans.fit(x, k, 100);
            if (best == null || km.distortion() < best.distortion()) {
                best = km;
            }
        }
        return best.group().clone();
    }

    /**
     * Labels from a full-covariance Gaussian mixture fitted by EM (Smile) to {@code x}, started from
     * the hard clusters {@code start}: N2D (McConville et al. 2020, §3) clusters its UMAP layout with a
     * GMM, whose elliptical components separate touching blobs that k-means cuts straight through.
     * A cluster with fewer points than dimensions + 1 keeps k-means' labels (no covariance to fit).
     */
    static int[] gaussianMixture(float[][] x, int[] start, int k) {
        double[][] xs = toDouble(x);
        MultivariateMixture.Component[] comps = components(xs, start, k);
        if (comps == null) {
            return start;
        }
        // EM by Smile, one step per call: its own multi-step loop (Smile 6.2.5) stopped after the first steps
        // on the unit test's blobs (log-likelihood -1956 against -1847 reached step by step). No
        // regularisation (gamma 0); stop when the log-likelihood changes by less than 1e-7 of itself.
        MultivariateExponentialFamilyMixture fit = null;
        double last = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < EM_STEPS; it++) {
            fit = MultivariateExponentialFamilyMixture.fit(xs, comps, 0.0, 1, 0.0);
            comps = fit.components;
            if (Math.abs(fit.L - last) < 1e-7 * Math.abs(fit.L)) {
                break;
            }
            last = fit.L;
        }
        int[] labels = new int[xs.length];
        for (int i = 0; i < xs.length; i++) {
            labels[i] = fit.map(xs[i]);
        }
        return labels;
    }

    /**
     * The full-covariance Gaussian mixture a hard partition defines (each cluster's share, mean and
     * covariance); null if a cluster has no more points than dimensions (no covariance to fit).
     */
    private static MultivariateMixture.Component[] components(double[][] xs, int[] labels, int k) {
        int d = xs[0].length;
        List<List<double[]>> members = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < xs.length; i++) {
            members.get(labels[i]).add(xs[i]);
        }
        MultivariateMixture.Component[] comps = new MultivariateMixture.Component[k];
        for (int c = 0; c < k; c++) {
            if (members.get(c).size() <= d) {
                return null;
            }
            comps[c] = new MultivariateMixture.Component((double) members.get(c).size() / xs.length,
                    MultivariateGaussianDistribution.fit(members.get(c).toArray(double[][]::new), false));
        }
        return comps;
    }

    /**
     * A label-free score of a partition of the codes, comparable between the layouts of one run: the mean
     * log-likelihood of the codes under the full-covariance Gaussian mixture the partition defines, after one
     * EM step (the mixture model of the codes that VaDE's prior assumes; Jiang et al. 2017, eq. 3), scored with
     * every cluster weighted 1/K as the GMVAE's prior p(y) = Cat(1/K) weights them (Sánchez Martín 2018, §4.1).
     * With the fitted weights instead, a partition that merges two classes into one large cluster can score
     * highest (MNIST seed 3 of session 7); the uniform weights cost it about KL(sizes ‖ 1/K) nats per code.
     * On Fashion-MNIST the layouts of one set of codes cluster at 0.57–0.64, and this score picked the best or
     * nearly the best layout, the medoid the typical one (docs/benchmarks-gmvae.md, sessions 7–8). −∞ for a
     * partition with a cluster too small or too flat to have a covariance.
     */
    static double codeLikelihood(float[][] codes, int[] labels, int k) {
        double[][] xs = toDouble(codes);
        try {
            MultivariateMixture.Component[] comps = components(xs, labels, k);
            if (comps == null) {
                return Double.NEGATIVE_INFINITY;
            }
            // One EM iteration from the partition's own mixture: Smile returns the components after its M-step.
            comps = MultivariateExponentialFamilyMixture.fit(xs, comps, 0.0, 1, 0.0).components;
            // log p(x) = log Σ_k (1/K) N(x | μ_k, Σ_k), a log-mean-exp (shifted: far codes underflow each density).
            double sum = 0;
            double[] lp = new double[k];
            for (double[] x : xs) {
                for (int c = 0; c < k; c++) {
                    lp[c] = comps[c].distribution().logp(x);
                }
                sum += Evaluator.logMeanExp(lp);
            }
            double l = sum / xs.length;
            return Double.isNaN(l) ? Double.NEGATIVE_INFINITY : l;
        } catch (ArithmeticException singular) {
            // A covariance that is not positive definite (Smile's Cholesky): codes of a cluster on a plane.
            return Double.NEGATIVE_INFINITY;
        }
    }

    private static double[][] toDouble(float[][] codes) {
        return Arrays.stream(codes).map(r -> IntStream.range(0, r.length).mapToDouble(j -> r[j]).toArray())
                .toArray(double[][]::new);
    }

    /** Size, mean and per-dimension variance of each cluster of {@code codes}. */
    static Clusters clusterStats(float[][] codes, int[] labels, int k) {
        int d = codes[0].length;
        int[] sizes = new int[k];
        double[][] mu = new double[k][d];
        double[][] var = new double[k][d];
        for (int i = 0; i < codes.length; i++) {
            sizes[labels[i]]++;
            for (int j = 0; j < d; j++) {
                mu[labels[i]][j] += codes[i][j];
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                mu[c][j] /= Math.max(1, sizes[c]);
            }
        }
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < d; j++) {
                double diff = codes[i][j] - mu[labels[i]][j];
                var[labels[i]][j] += diff * diff;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int j = 0; j < d; j++) {
                var[c][j] = sizes[c] > 1 ? var[c][j] / sizes[c] : 1.0;
            }
        }
        return new Clusters(labels, sizes, mu, var);
    }
}
