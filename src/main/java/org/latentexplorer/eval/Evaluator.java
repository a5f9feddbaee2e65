package org.latentexplorer.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleConsumer;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.LossTerms;

/**
 * Scores a model on a data set: negative ELBO and its terms, the importance-weighted log-likelihood,
 * reconstruction errors, and the log-likelihood under corrupted input.
 */
public final class Evaluator {
    private static final int BATCH = 500;

    /**
     * @param iwSamples K for the importance-weighted estimate; 0 skips it (5000 is the literature's figure)
     * @param limit     use at most this many examples (the first ones); 0 for all
     * @param binarize  binarise inputs with a fixed seed first (for Bernoulli models trained on binarised data)
     * @param corrupted also score corrupted inputs (Sánchez Martín 2018, Experiment 4)
     * @param seed      seeds binarisation, corruption and Monte-Carlo draws
     */
    public record Options(int iwSamples, int limit, boolean binarize, boolean corrupted, long seed) {
        public Options {
            if (iwSamples < 0 || iwSamples > 1_000_000) {
                throw new InputException("--iw must be between 0 and 1000000, got " + iwSamples);
            }
            if (limit < 0) {
                throw new InputException("--limit must be 0 (all) or more, got " + limit);
            }
        }
    }

    private Evaluator() {
    }

    /**
     * @param progress receives the fraction done, in [0, 1]
     */
    public static Evaluation evaluate(LatentModel model, Dataset data, Options opt, DoubleConsumer progress,
                                      CancelToken cancel) {
        if (data.dim() != model.inputDim()) {
            throw new InputException(data.id() + ": examples have " + data.dim() + " values (" + data.shape()
                    + "); the model expects " + model.inputDim() + " (" + model.config().inputShape() + ")");
        }
        Dataset d = opt.limit() > 0 ? data.limit(opt.limit()) : data;
        if (d.size() == 0) {
            throw new InputException(data.id() + " has no examples to evaluate");
        }
        if (d.hasMissing()) {
            throw new InputException(data.id() + " has missing entries; use inpaint to evaluate completion instead");
        }
        SplittableRandom root = new SplittableRandom(opt.seed());
        float[][] x = d.rows();
        if (opt.binarize()) {
            SplittableRandom b = root.split();
            for (float[] r : x) {
                Binarization.sample(r, b);
            }
        }
        int stages = 2 + (opt.iwSamples() > 0 ? 1 : 0) + (opt.corrupted() ? 3 : 0);
        Stage stage = new Stage(progress, stages);

        LossTerms elbo = negElbo(model, x, root.split(), stage, cancel);
        LatentUsage.Builder usage = new LatentUsage.Builder();
        double[] err = reconstructionErrors(model, x, usage, stage, cancel);
        Double iw = opt.iwSamples() > 0 ? iwLogLikelihood(model, x, opt.iwSamples(), root.split(), stage, cancel) : null;
        Map<String, Double> corrupted = null;
        if (opt.corrupted()) {
            corrupted = new LinkedHashMap<>();
            SplittableRandom c = root.split();
            corrupted.put("clean", logLikelihood(model, x, opt.iwSamples(), c.split(), stage, cancel));
            corrupted.put("noise", logLikelihood(model, Corruption.uniformNoise(x, 0.1, c.split()), opt.iwSamples(),
                    c.split(), stage, cancel));
            corrupted.put("dropout", logLikelihood(model, Corruption.dropout(x, 0.5, c.split()), opt.iwSamples(),
                    c.split(), stage, cancel));
        }
        progress.accept(1.0);
        return new Evaluation(d.id(), d.size(), opt.binarize(), elbo.loss(), elbo.terms(), opt.iwSamples(), iw,
                err[0], err[1], corrupted, null, usage.build());
    }

    static LossTerms negElbo(LatentModel model, float[][] x, SplittableRandom rng, Stage stage, CancelToken cancel) {
        double loss = 0;
        Map<String, Double> sums = new LinkedHashMap<>();
        for (int s = 0; s < x.length; s += BATCH) {
            cancel.check();
            float[][] b = Arrays.copyOfRange(x, s, Math.min(x.length, s + BATCH));
            LossTerms t = model.loss(b, rng);
            loss += t.loss() * b.length;
            t.terms().forEach((k, v) -> sums.merge(k, v * b.length, Double::sum));
            stage.report((double) (s + b.length) / x.length);
        }
        Map<String, Double> mean = new LinkedHashMap<>();
        sums.forEach((k, v) -> mean.put(k, v / x.length));
        stage.next();
        return new LossTerms(loss / x.length, mean);
    }

    /**
     * {RMSE, MAE} per pixel of the decoded posterior mean against the input; the posteriors also go to
     * {@code usage}.
     */
    static double[] reconstructionErrors(LatentModel model, float[][] x, LatentUsage.Builder usage, Stage stage,
                                         CancelToken cancel) {
        double se = 0, ae = 0;
        long count = 0;
        for (int s = 0; s < x.length; s += BATCH) {
            cancel.check();
            float[][] b = Arrays.copyOfRange(x, s, Math.min(x.length, s + BATCH));
            usage.add(model.encode(b));
            float[][] r = model.reconstruct(b); // not decode(mean): a CVAE reconstructs with its inferred class
            for (int i = 0; i < b.length; i++) {
                for (int p = 0; p < b[i].length; p++) {
                    double e = r[i][p] - b[i][p];
                    se += e * e;
                    ae += Math.abs(e);
                }
                count += b[i].length;
            }
            stage.report((double) (s + b.length) / x.length);
        }
        stage.next();
        return new double[]{Math.sqrt(se / count), ae / count};
    }

    /**
     * Mean over examples of log (1/K) Σ_k w_k (Burda et al. 2016, eq. 8), computed with the
     * log-sum-exp shift so that weights of −200 nats do not underflow.
     */
    static double iwLogLikelihood(LatentModel model, float[][] x, int k, SplittableRandom rng, Stage stage,
                                  CancelToken cancel) {
        double total = 0;
        for (int i = 0; i < x.length; i++) {
            cancel.check();
            total += logMeanExp(model.logImportanceWeights(x[i], k, rng));
            stage.report((double) (i + 1) / x.length);
        }
        stage.next();
        return total / x.length;
    }

    private static double logLikelihood(LatentModel model, float[][] x, int k, SplittableRandom rng, Stage stage,
                                        CancelToken cancel) {
        return k > 0 ? iwLogLikelihood(model, x, k, rng, stage, cancel) : -negElbo(model, x, rng, stage, cancel).loss();
    }

    public static double logMeanExp(double[] w) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : w) {
            max = Math.max(max, v);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        double sum = 0;
        for (double v : w) {
            sum += Math.exp(v - max);
        }
        return max + Math.log(sum / w.length);
    }


    /** Maps each stage's own progress onto the whole run. */
    static final class Stage {
        private final DoubleConsumer out;
        private final int count;
        private int index;
        private long lastReport;

        Stage(DoubleConsumer out, int count) {
            this.out = out;
            this.count = count;
        }

        void report(double fraction) {
            long now = System.nanoTime();
            if (now - lastReport > 50_000_000L) {
                lastReport = now;
                out.accept((index + fraction) / count);
            }
        }

        void next() {
            index++;
        }
    }
}
