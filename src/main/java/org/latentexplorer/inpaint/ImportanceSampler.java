package org.latentexplorer.inpaint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;

/**
 * Importance-weighted conditional mean (Mattei &amp; Frellsen 2019, MIWAE, §3.3, single imputation):
 * with codes z_1..z_K drawn from a proposal q̃,
 * <pre>
 *   E[x_m | x_o] ≈ Σ_k w̄_k E[x_m | z_k],   w̄_k = r_k / Σ_l r_l,   r_k = p(x_o | z_k) p(z_k) / q̃(z_k)
 * </pre>
 * (self-normalised importance sampling). The RMSE over the missing values is smallest at this
 * conditional mean, which a single code (optimize, replace) or one chain state cannot reach when the
 * observed half leaves several completions plausible.
 *
 * <p>The proposal adapts over {@value #ROUNDS} rounds of K/{@value #ROUNDS} codes each:
 * <ol>
 *   <li>round 1: an equal mixture of the encoder's q(z|x̃) on the image with missing values at 0 and,
 *       when a reference set is at hand, on the image completed by each of its {@value #NEIGHBOURS}
 *       nearest references (nearest on the observed values, as K-NN ranks them), each standard
 *       deviation widened ×{@value #WIDEN};</li>
 *   <li>later rounds: a full-covariance Gaussian fitted to the weighted codes so far (population Monte
 *       Carlo, Cappé et al. 2004), widened ×{@value #WIDEN}; without neighbours, in an equal mixture with
 *       the encoder's q(z|x̂) on the image completed by the current estimate (widened alike).</li>
 * </ol>
 * Every round keeps a {@value #PRIOR_SHARE} share of draws from the prior p(z) = N(0, I), so the
 * weights stay bounded where the other components have thin tails (defensive importance sampling,
 * Hesterberg 1995). All codes are weighted against the mixture of all rounds' proposals (the balance
 * heuristic, Veach &amp; Guibas 1995; as in AMIS, Cornuet et al. 2012). The neighbours only steer the
 * proposal: the estimate targets the model's own conditional mean whatever the proposal. (These
 * choices were compared on MNIST test images 800–999, outside the benchmark's first 300:
 * docs/benchmarks-inpaint.md.)
 *
 * <p>Codes are decoded in batches of {@value #CHUNK} ({@link LatentNetwork.Pass#decodeBatch}); the
 * listener sees the running estimate after each batch (iteration = codes so far, of K).
 */
final class ImportanceSampler {
    /** Proposal adaptation rounds. */
    static final int ROUNDS = 4;
    /** Nearest references whose encodings join the first proposal. */
    static final int NEIGHBOURS = 10;
    /** Factor on every proposal's standard deviations: wider than the posterior keeps the weights even. */
    static final double WIDEN = 1.5;
    /** Share of each round's draws taken from the prior. */
    static final double PRIOR_SHARE = 0.1;
    /** Codes decoded per batch; the listener hears after each. */
    static final int CHUNK = 128;
    /** Codes whose normalised weight is below this add nothing visible to the mean and are skipped. */
    private static final double NEGLIGIBLE = 1e-12;

    private ImportanceSampler() {
    }

    /**
     * @param neighbours K-NN over a reference set to seed the proposal, or null for the encoder alone
     */
    static Completion run(LatentNetwork net, MethodSpec spec, KnnInpainter neighbours, float[] image, Mask mask,
                          InpaintOptions o, SplittableRandom rng, CancelToken cancel, InpaintListener listener,
                          String note) {
        long start = System.nanoTime();
        int d = net.latentDim();
        int dim = net.inputDim();
        int k = spec.k();
        int rounds = Math.min(ROUNDS, k);
        int[] miss = mask.missingIndices();
        int[] obs = mask.observedIndices();
        int nm = miss.length;
        PixelLikelihood lik = new PixelLikelihood(net.likelihood());
        LatentNetwork.Pass pass = net.open();
        LatentProposal prior = LatentProposal.DiagGaussian.standard(d);

        List<LatentProposal> proposals = new ArrayList<>();
        proposals.add(defensive(LatentProposal.Mixture.uniform(encodings(pass, neighbours, image, mask, d, cancel)),
                prior));

        float[] z = new float[k * d];
        double[] logTarget = new double[k]; // log p(x_o|z) + log p(z)
        double[][] logQ = new double[rounds][k]; // log q_r(z_s) for every round r and code s
        int[] drawn = new int[rounds]; // codes drawn from each round's proposal so far
        float[] means = new float[k * nm]; // E[x_m|z_s], code after code
        double[] w = new double[k];
        double[] estimate = new double[nm];
        float[][] zPath = new float[rounds][];
        float[] prepMean = new float[dim];
        double[] prepSoft = new double[dim];
        float[] row = new float[dim];
        int done = 0;
        double ess = Double.NaN;
        for (int r = 0; r < rounds; r++) {
            int n = r == rounds - 1 ? k - done : k / rounds;
            LatentProposal q = proposals.get(r);
            for (int s = done; s < done + n; s++) {
                q.sample(rng, z, s * d);
            }
            for (int s = 0; s < done; s++) {
                logQ[r][s] = q.logDensity(z, s * d); // the new proposal scores the codes drawn before it
            }
            // Decoded in chunks: bounded memory at any K, and a first preview for the screen after one chunk.
            for (int from = done; from < done + n; from += CHUNK) {
                cancel.check();
                int m = Math.min(CHUNK, done + n - from);
                float[] logits = pass.decodeBatch(Arrays.copyOfRange(z, from * d, (from + m) * d), m);
                for (int s = from; s < from + m; s++) {
                    System.arraycopy(logits, (s - from) * dim, row, 0, dim);
                    lik.prepare(row, obs, prepMean, prepSoft);
                    lik.means(row, miss, prepMean);
                    logTarget[s] = lik.logP(image, row, prepMean, prepSoft, obs) + prior.logDensity(z, s * d);
                    for (int c = 0; c < nm; c++) {
                        means[s * nm + c] = prepMean[miss[c]];
                    }
                    for (int p = 0; p <= r; p++) {
                        logQ[p][s] = proposals.get(p).logDensity(z, s * d);
                    }
                }
                drawn[r] += m;
                int sofar = from + m;
                boolean roundDone = sofar == done + n;
                if (roundDone || listener != InpaintListener.NONE) {
                    ess = weights(logTarget, logQ, drawn, r + 1, sofar, w);
                    estimate(means, w, sofar, nm, estimate);
                }
                if (listener != InpaintListener.NONE) {
                    listener.onIteration(sofar, k, fill(image, miss, estimate), weightedMean(z, w, sofar, d));
                }
            }
            done += n;
            zPath[r] = weightedMean(z, w, done, d);
            if (r < rounds - 1) {
                LatentProposal fit = LatentProposal.FullGaussian.fit(z, w, done, d, WIDEN);
                if (neighbours == null) {
                    // Without neighbours the first round's zero-filled encoding is far off: the encoder on the
                    // current estimate finds the posterior's region, the fit alone would stay where it started.
                    float[] mu = new float[d], logVar = new float[d];
                    pass.encode(fill(image, miss, estimate), mu, logVar);
                    fit = LatentProposal.Mixture.uniform(List.of(fit, LatentProposal.DiagGaussian.widened(mu, logVar,
                            WIDEN)));
                }
                proposals.add(defensive(fit, prior));
            }
        }
        return finish(spec, image, miss, estimate, means, w, done, o.samples(), rng, zPath, ess, start, note);
    }

    private static void estimate(float[] means, double[] w, int n, int nm, double[] estimate) {
        Arrays.fill(estimate, 0);
        for (int s = 0; s < n; s++) {
            if (w[s] > NEGLIGIBLE) {
                for (int c = 0; c < nm; c++) {
                    estimate[c] += w[s] * means[s * nm + c];
                }
            }
        }
    }

    /** The encoder's q(z|x̃) for x̃ = the image with zeros, and with each neighbour's values, where missing. */
    private static List<LatentProposal> encodings(LatentNetwork.Pass pass, KnnInpainter neighbours, float[] image,
                                                  Mask mask, int d, CancelToken cancel) {
        int[] miss = mask.missingIndices();
        List<float[]> fills = new ArrayList<>();
        fills.add(mask.zeroFilled(image));
        if (neighbours != null) {
            for (int n : neighbours.nearest(image, mask.observedIndices(), NEIGHBOURS, cancel)) {
                float[] ref = neighbours.reference().row(n);
                float[] x = fills.get(0).clone();
                for (int i : miss) {
                    x[i] = Float.isNaN(ref[i]) ? 0f : ref[i]; // a ratings row may lack the value too
                }
                fills.add(x);
            }
        }
        pass.fixObserved(image, miss);
        List<LatentProposal> out = new ArrayList<>();
        float[] mu = new float[d], logVar = new float[d];
        for (float[] x : fills) {
            pass.encode(x, mu, logVar);
            out.add(LatentProposal.DiagGaussian.widened(mu, logVar, WIDEN));
        }
        return out;
    }

    private static LatentProposal defensive(LatentProposal q, LatentProposal prior) {
        return new LatentProposal.Mixture(List.of(q, prior), new double[]{1 - PRIOR_SHARE, PRIOR_SHARE});
    }

    /**
     * Normalised weights w̄_s ∝ p(x_o, z_s) / q̄(z_s), q̄ = Σ_r (n_r / n) q_r the mixture of the rounds so
     * far (balance heuristic); returns the effective sample size (Σ w)² / Σ w² (Kong 1992).
     */
    private static double weights(double[] logTarget, double[][] logQ, int[] drawn, int rounds, int n, double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            double lq = Double.NEGATIVE_INFINITY;
            for (int r = 0; r < rounds; r++) {
                lq = LatentProposal.logAdd(lq, Math.log(drawn[r] / (double) n) + logQ[r][s]);
            }
            w[s] = logTarget[s] - lq;
            max = Math.max(max, w[s]);
        }
        double sum = 0, sum2 = 0;
        for (int s = 0; s < n; s++) {
            w[s] = Math.exp(w[s] - max);
            sum += w[s];
        }
        for (int s = 0; s < n; s++) {
            w[s] /= sum;
            sum2 += w[s] * w[s];
        }
        return 1 / sum2;
    }

    private static float[] weightedMean(float[] z, double[] w, int n, int d) {
        double[] m = new double[d];
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < d; j++) {
                m[j] += w[s] * z[s * d + j];
            }
        }
        float[] out = new float[d];
        for (int j = 0; j < d; j++) {
            out[j] = (float) m[j];
        }
        return out;
    }

    private static float[] fill(float[] image, int[] miss, double[] values) {
        float[] out = image.clone();
        for (int c = 0; c < miss.length; c++) {
            out[miss[c]] = (float) values[c];
        }
        return out;
    }

    /**
     * The completion: the weighted mean, its per-value weighted spread, and as samples the decoded
     * means of codes drawn by systematic resampling from the weights (Kitagawa 1996).
     */
    private static Completion finish(MethodSpec spec, float[] image, int[] miss, double[] estimate, float[] means,
                                     double[] w, int n, int samples, SplittableRandom rng, float[][] zPath, double ess,
                                     long start, String note) {
        int nm = miss.length;
        float[] sd = new float[image.length];
        double[] var = new double[nm];
        for (int s = 0; s < n; s++) {
            if (w[s] > NEGLIGIBLE) {
                for (int c = 0; c < nm; c++) {
                    double e = means[s * nm + c] - estimate[c];
                    var[c] += w[s] * e * e;
                }
            }
        }
        for (int c = 0; c < nm; c++) {
            sd[miss[c]] = (float) Math.sqrt(var[c]);
        }
        float[][] drawn = new float[samples][];
        double u = rng.nextDouble() / samples, cum = 0;
        int s = 0;
        for (int j = 0; j < samples; j++) {
            double target = u + (double) j / samples;
            while (s < n - 1 && cum + w[s] < target) {
                cum += w[s];
                s++;
            }
            drawn[j] = image.clone();
            for (int c = 0; c < nm; c++) {
                drawn[j][miss[c]] = means[s * nm + c];
            }
        }
        return new Completion(fill(image, miss, estimate), drawn, sd, zPath, spec, zPath.length, Double.NaN, ess,
                (System.nanoTime() - start) / 1e6, note);
    }
}
