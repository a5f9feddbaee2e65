package org.latentexplorer.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.common.InputException;

/**
 * Options of t-SNE (van der Maaten and Hinton, "Visualizing Data using t-SNE", JMLR 9, 2008), with the
 * optimisation schedule of scikit-learn 1.2 so that maps compare with the reference.
 *
 * @param perplexity         effective number of neighbours, > 1; default 30; must be below n / 3
 * @param iterations         gradient-descent iterations, 50 to 100,000; default 1000
 * @param learningRate       step size, > 0, or 0 for "auto" = max(n / earlyExaggeration / 4, 50)
 *                           (Belkina et al., Nat. Commun. 10, 2019); default 0 (auto)
 * @param earlyExaggeration  factor on P during the first {@code exaggerationIterations}, ≥ 1; default 12
 * @param theta              Barnes-Hut accuracy (cell size / distance), 0 to 1; default 0.5
 * @param exactMaxPoints     up to this many points, Smile's exact O(n²) t-SNE is used instead of
 *                           Barnes-Hut; 0 to 5,000; default 400
 * @param seed               random seed (neighbour search, exact-method initialisation); default 42
 * @param threads            threads for the Barnes-Hut forces and the neighbour search, 0 for all
 *                           available processors (default); the map does not depend on it, so it is not
 *                           one of the cached {@link #parameters()}
 */
public record TsneOptions(double perplexity, int iterations, double learningRate, double earlyExaggeration,
                          double theta, int exactMaxPoints, long seed, int threads) implements EmbedOptions {
    /** Iterations with early exaggeration and momentum 0.5 (scikit-learn's schedule). */
    public static final int EXAGGERATION_ITERATIONS = 250;

    public TsneOptions {
        if (!(perplexity > 1 && perplexity <= 1000)) {
            throw new InputException("perplexity must be between 1 and 1000, got " + perplexity);
        }
        if (iterations < 50 || iterations > 100_000) {
            throw new InputException("t-SNE iterations must be between 50 and 100000, got " + iterations);
        }
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new InputException("t-SNE learning rate must be positive (or 0 for auto), got " + learningRate);
        }
        if (!(earlyExaggeration >= 1 && earlyExaggeration <= 100)) {
            throw new InputException("early exaggeration must be between 1 and 100, got " + earlyExaggeration);
        }
        if (!(theta >= 0 && theta <= 1)) {
            throw new InputException("Barnes-Hut theta must be between 0 and 1, got " + theta);
        }
        if (exactMaxPoints < 0 || exactMaxPoints > 5000) {
            throw new InputException("exactMaxPoints must be between 0 and 5000, got " + exactMaxPoints);
        }
        if (threads < 0 || threads > 1024) {
            throw new InputException("t-SNE threads must be between 0 (all processors) and 1024, got " + threads);
        }
    }

    /** The given options on all available processors. */
    public TsneOptions(double perplexity, int iterations, double learningRate, double earlyExaggeration,
                       double theta, int exactMaxPoints, long seed) {
        this(perplexity, iterations, learningRate, earlyExaggeration, theta, exactMaxPoints, seed, 0);
    }

    /** Defaults: perplexity 30, 1000 iterations, auto learning rate, exaggeration 12, theta 0.5, seed 42. */
    public TsneOptions() {
        this(30, 1000, 0, 12, 0.5, 400, 42);
    }

    /** Defaults with the given perplexity and iterations. */
    public TsneOptions(double perplexity, int iterations) {
        this(perplexity, iterations, 0, 12, 0.5, 400, 42);
    }

    /** The same options with another seed. */
    public TsneOptions withSeed(long newSeed) {
        return new TsneOptions(perplexity, iterations, learningRate, earlyExaggeration, theta, exactMaxPoints, newSeed,
                threads);
    }

    /** The same options on {@code count} threads (0: all available processors). */
    public TsneOptions withThreads(int count) {
        return new TsneOptions(perplexity, iterations, learningRate, earlyExaggeration, theta, exactMaxPoints, seed, count);
    }

    /** The number of threads to use: {@link #threads()}, or the available processors for 0. */
    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }

    /** The learning rate used for {@code n} points: the given one, or scikit-learn's "auto" rule. */
    public double learningRateFor(int n) {
        return learningRate > 0 ? learningRate : Math.max(n / earlyExaggeration / 4, 50);
    }

    @Override
    public EmbedMethod method() {
        return EmbedMethod.TSNE;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("perplexity", Double.toString(perplexity));
        m.put("iterations", Integer.toString(iterations));
        m.put("learningRate", learningRate > 0 ? Double.toString(learningRate) : "auto");
        m.put("earlyExaggeration", Double.toString(earlyExaggeration));
        m.put("theta", Double.toString(theta));
        m.put("exactMaxPoints", Integer.toString(exactMaxPoints));
        m.put("seed", Long.toString(seed));
        return m;
    }
}
