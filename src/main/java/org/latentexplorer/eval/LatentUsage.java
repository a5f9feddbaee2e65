package org.latentexplorer.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.latentexplorer.model.Posterior;

/**
 * How much of the code a model uses, per latent dimension, over a set of examples.
 *
 * <ul>
 *   <li>{@code activity}: A_u = Cov_x(E_{q(u|x)}[u]), the variance over the examples of the posterior
 *       mean; a unit is <em>active</em> when A_u &gt; 0.01 (Burda, Grosse &amp; Salakhutdinov 2016,
 *       "Importance Weighted Autoencoders", §5.2).</li>
 *   <li>{@code kl}: the mean over examples of KL(q(z_u|x) ‖ N(0, 1)) = −½ (1 + log σ² − μ² − σ²)
 *       (Kingma &amp; Welling 2014, appendix B): what each dimension costs in the ELBO of a VAE with a
 *       standard normal prior. For a GMVAE it measures the distance from N(0, 1), not the model's own
 *       KL term.</li>
 * </ul>
 *
 * @param activity  A_u for each dimension u
 * @param kl        mean KL of each dimension, nats
 * @param active    the number of dimensions with A_u above {@link #THRESHOLD}
 */
public record LatentUsage(double[] activity, double[] kl, int active) {
    /** Burda et al.'s threshold on the variance of the posterior means. */
    public static final double THRESHOLD = 0.01;

    /** The dimensions (0-based) from the largest KL to the smallest: the order of a traversal's rows. */
    public List<Integer> byKl() {
        return IntStream.range(0, kl.length).boxed()
                .sorted(Comparator.comparingDouble((Integer u) -> -kl[u]).thenComparingInt(u -> u)).toList();
    }

    public boolean isActive(int u) {
        return activity[u] > THRESHOLD;
    }

    /** Accumulates posterior parameters batch by batch. */
    public static final class Builder {
        private double[] sum, sumSq, klSum;
        private long n;

        public void add(Posterior q) {
            for (int i = 0; i < q.size(); i++) {
                float[] mu = q.mean()[i], lv = q.logVar()[i];
                if (sum == null) {
                    sum = new double[mu.length];
                    sumSq = new double[mu.length];
                    klSum = new double[mu.length];
                }
                for (int u = 0; u < mu.length; u++) {
                    sum[u] += mu[u];
                    sumSq[u] += (double) mu[u] * mu[u];
                    klSum[u] += -0.5 * (1 + lv[u] - (double) mu[u] * mu[u] - Math.exp(lv[u]));
                }
                n++;
            }
        }

        public LatentUsage build() {
            if (n == 0) {
                return new LatentUsage(new double[0], new double[0], 0);
            }
            double[] a = new double[sum.length], k = new double[sum.length];
            int active = 0;
            for (int u = 0; u < a.length; u++) {
                double mean = sum[u] / n;
                // Sample variance with n − 1 (the covariance's diagonal); one example has none.
                a[u] = n < 2 ? 0 : Math.max(0, (sumSq[u] - n * mean * mean) / (n - 1));
                k[u] = klSum[u] / n;
                active += a[u] > THRESHOLD ? 1 : 0;
            }
            return new LatentUsage(a, k, active);
        }
    }

    /** One line per dimension in KL order: "z3  KL 2.41  A 0.912  active". */
    public List<String> table() {
        List<String> lines = new ArrayList<>();
        for (int u : byKl()) {
            lines.add(String.format(java.util.Locale.ROOT, "z%-3d KL %7.3f  A_u %8.4f  %s", u + 1, kl[u], activity[u],
                    isActive(u) ? "active" : "inactive"));
        }
        return lines;
    }
}
