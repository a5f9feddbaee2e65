package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;

/**
 * The three methods that alternate between the code z and the missing values x_m, on one chain:
 *
 * <ul>
 *   <li><b>replace</b> (Kormaris 2020, Listing 5.3): z = μ(x̂), x_m = E[x_m|z]. Deterministic; the
 *       completion is the last decode.</li>
 *   <li><b>pseudo-Gibbs</b> (Rezende et al. 2014, appendix F): z ~ q(z|x̂), x_m ~ p(x_m|z).</li>
 *   <li><b>Metropolis-within-Gibbs</b> (Mattei &amp; Frellsen 2018, Algorithm 1): propose
 *       z̃ ~ q(z|x̂) and accept with probability min(1, ρ),
 *       ρ = p(x̂|z̃) p(z̃) q(z_{t−1}|x̂) / (p(x̂|z_{t−1}) p(z_{t−1}) q(z̃|x̂)), then x_m ~ p(x_m|z_t).
 *       Unlike pseudo-Gibbs this chain has p(x_m|x_o) as its stationary distribution.</li>
 * </ul>
 *
 * <p>Missing values start at 0 (background). The point completion of the two samplers is the mean
 * of E[x_m|z_t] over the second half of the chain (Rao-Blackwellised: averaging the decoder's mean
 * rather than its 0/1 draws); the samples are E[x_m|z_t] at chain states spread over that half.
 */
final class ChainSampler {
    private static final double LOG_2PI = Math.log(2 * Math.PI);

    private ChainSampler() {
    }

    static Completion run(LatentNetwork net, MethodSpec spec, float[] image, Mask mask, InpaintOptions o,
                          SplittableRandom rng, CancelToken cancel, InpaintListener listener, String note) {
        long start = System.nanoTime();
        Method method = spec.method();
        int d = net.latentDim();
        int[] miss = mask.missingIndices();
        int[] obs = mask.observedIndices();
        PixelLikelihood lik = new PixelLikelihood(net.likelihood());
        LatentNetwork.Pass pass = net.open();

        float[] x = mask.zeroFilled(image);
        float[] mu = new float[d], logVar = new float[d];
        int[] all = method == Method.MWG ? allIndices(x.length) : miss;
        // The current state and (MwG) the proposed one; an accepted proposal swaps the two.
        State cur = new State(d, x.length), prop = method == Method.MWG ? new State(d, x.length) : null;
        // Only MwG's acceptance ratio needs the observed pixels' logits; the others decode the missing ones.
        pass.restrictOutputs(method == Method.MWG ? null : miss);

        pass.fixObserved(image, miss);
        pass.encode(x, mu, logVar);
        if (method == Method.REPLACE) {
            System.arraycopy(mu, 0, cur.z, 0, d);
        } else {
            draw(mu, logVar, cur.z, rng);
        }
        cur.decode(pass, lik, all);
        double curObs = method == Method.MWG ? cur.logP(lik, x, obs) : 0;

        int iterations = o.iterations();
        // Replace converges to a fixed point: only its last decode counts. The samplers keep the second half.
        int keepFrom = method == Method.REPLACE ? iterations - 1 : iterations / 2;
        int kept = iterations - keepFrom;
        int stride = Math.max(1, kept / o.samples());
        CompletionBuilder out = new CompletionBuilder(image, miss, method == Method.REPLACE ? 1 : o.samples());
        float[][] zPath = new float[iterations][];
        int accepted = 0;

        for (int t = 0; t < iterations; t++) {
            cancel.check();
            // x-step: fill the missing values from p(x_m | z_t).
            for (int i : miss) {
                x[i] = method == Method.REPLACE ? cur.mean[i] : lik.sampleWithMean(cur.mean[i], rng);
            }
            // z-step.
            pass.encode(x, mu, logVar);
            if (method == Method.REPLACE) {
                System.arraycopy(mu, 0, cur.z, 0, d);
                cur.decode(pass, lik, all);
            } else if (method == Method.PSEUDO_GIBBS) {
                draw(mu, logVar, cur.z, rng);
                cur.decode(pass, lik, all);
            } else {
                draw(mu, logVar, prop.z, rng);
                prop.decode(pass, lik, all);
                // The observed values never change, so the current state's share of log p(x̂|z) is cached.
                double propObs = prop.logP(lik, x, obs);
                double logRho = propObs + prop.logP(lik, x, miss) + logPrior(prop.z) - logQ(prop.z, mu, logVar)
                        - curObs - cur.logP(lik, x, miss) - logPrior(cur.z) + logQ(cur.z, mu, logVar);
                if (logRho >= 0 || Math.log(rng.nextDouble()) < logRho) {
                    curObs = propObs;
                    State swap = cur;
                    cur = prop;
                    prop = swap;
                    accepted++;
                }
            }
            zPath[t] = cur.z.clone();
            if (t >= keepFrom) {
                out.add(cur.mean);
                if ((t - keepFrom) % stride == stride - 1 || kept == 1) {
                    out.snapshot(cur.mean);
                }
            }
            if (listener != InpaintListener.NONE) {
                listener.onIteration(t + 1, iterations, out.count() > 0 ? out.currentMean() : out.completedWith(cur.logits),
                        cur.z.clone());
            }
        }
        double rate = method == Method.MWG ? accepted / (double) iterations : Double.NaN;
        return out.build(spec, iterations, zPath, rate, start, note);
    }

    /**
     * One chain state: the code z, its decoded logits, and the decoded means and softplus terms of
     * those logits (PixelLikelihood.prepare). MwG scores each decode against x twice, so the
     * transcendental functions run once per pixel.
     */
    private static final class State {
        final float[] z, logits, mean;
        final double[] soft;

        State(int latentDim, int pixels) {
            z = new float[latentDim];
            logits = new float[pixels];
            mean = new float[pixels];
            soft = new double[pixels];
        }

        /** Decodes z and prepares the pixels {@code indices} for scoring. */
        void decode(LatentNetwork.Pass pass, PixelLikelihood lik, int[] indices) {
            pass.decode(z, logits);
            lik.prepare(logits, indices, mean, soft);
        }

        /** log p(x_i | z) summed over {@code indices}. */
        double logP(PixelLikelihood lik, float[] x, int[] indices) {
            return lik.logP(x, logits, mean, soft, indices);
        }
    }

    private static int[] allIndices(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** z = μ + σ ⊙ ε, ε ~ N(0, I) (Kingma &amp; Welling 2014, §2.4). */
    static void draw(float[] mu, float[] logVar, float[] z, SplittableRandom rng) {
        for (int j = 0; j < z.length; j++) {
            z[j] = (float) (mu[j] + Math.exp(0.5 * logVar[j]) * rng.nextGaussian());
        }
    }

    /** log N(z; 0, I). */
    static double logPrior(float[] z) {
        double s = 0;
        for (float v : z) {
            s += v * v + LOG_2PI;
        }
        return -0.5 * s;
    }

    /** log N(z; μ, diag(exp(logVar))). */
    static double logQ(float[] z, float[] mu, float[] logVar) {
        double s = 0;
        for (int j = 0; j < z.length; j++) {
            double diff = z[j] - mu[j];
            s += diff * diff * Math.exp(-logVar[j]) + logVar[j] + LOG_2PI;
        }
        return -0.5 * s;
    }
}
