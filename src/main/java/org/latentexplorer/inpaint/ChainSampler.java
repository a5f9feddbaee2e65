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
        float[] z = new float[d], zProp = new float[d];
        float[] logits = new float[x.length], logitsProp = new float[x.length];
        // Decoded means and softplus terms of the current and the proposed code (PixelLikelihood.prepare):
        // MwG scores each decode against x twice, so the transcendental functions run once per pixel.
        float[] mean = new float[x.length], meanProp = new float[x.length];
        double[] soft = new double[x.length], softProp = new double[x.length];
        int[] all = method == Method.MWG ? allIndices(x.length) : miss;
        // Only MwG's acceptance ratio needs the observed pixels' logits; the others decode the missing ones.
        pass.restrictOutputs(method == Method.MWG ? null : miss);

        pass.fixObserved(image, miss);
        pass.encode(x, mu, logVar);
        if (method == Method.REPLACE) {
            System.arraycopy(mu, 0, z, 0, d);
        } else {
            draw(mu, logVar, z, rng);
        }
        pass.decode(z, logits);
        lik.prepare(logits, all, mean, soft);
        double curObs = method == Method.MWG ? lik.logP(x, logits, mean, soft, obs) : 0;

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
                x[i] = method == Method.REPLACE ? mean[i] : lik.sampleWithMean(mean[i], rng);
            }
            // z-step.
            pass.encode(x, mu, logVar);
            if (method == Method.REPLACE) {
                System.arraycopy(mu, 0, z, 0, d);
                pass.decode(z, logits);
                lik.prepare(logits, all, mean, soft);
            } else if (method == Method.PSEUDO_GIBBS) {
                draw(mu, logVar, z, rng);
                pass.decode(z, logits);
                lik.prepare(logits, all, mean, soft);
            } else {
                draw(mu, logVar, zProp, rng);
                pass.decode(zProp, logitsProp);
                lik.prepare(logitsProp, all, meanProp, softProp);
                // The observed values never change, so the current state's share of log p(x̂|z) is cached.
                double propObs = lik.logP(x, logitsProp, meanProp, softProp, obs);
                double logRho = propObs + lik.logP(x, logitsProp, meanProp, softProp, miss) + logPrior(zProp)
                        - logQ(zProp, mu, logVar)
                        - curObs - lik.logP(x, logits, mean, soft, miss) - logPrior(z) + logQ(z, mu, logVar);
                if (logRho >= 0 || Math.log(rng.nextDouble()) < logRho) {
                    curObs = propObs;
                    float[] tz = z;
                    z = zProp;
                    zProp = tz;
                    float[] tl = logits;
                    logits = logitsProp;
                    logitsProp = tl;
                    float[] tm = mean;
                    mean = meanProp;
                    meanProp = tm;
                    double[] ts = soft;
                    soft = softProp;
                    softProp = ts;
                    accepted++;
                }
            }
            zPath[t] = z.clone();
            if (t >= keepFrom) {
                out.add(mean);
                if ((t - keepFrom) % stride == stride - 1 || kept == 1) {
                    out.snapshot(mean);
                }
            }
            if (listener != InpaintListener.NONE) {
                listener.onIteration(t + 1, iterations, out.count() > 0 ? out.currentMean() : out.completedWith(logits),
                        z.clone());
            }
        }
        double rate = method == Method.MWG ? accepted / (double) iterations : Double.NaN;
        return out.build(spec, iterations, zPath, rate, start, note);
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
