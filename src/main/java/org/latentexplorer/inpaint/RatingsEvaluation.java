package org.latentexplorer.inpaint;

import java.util.SplittableRandom;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;

/**
 * Completion on a ratings matrix (Kormaris 2020, §5.4, MovieLens): each row is a user, each value an
 * item's rating scaled to [0, 1] as (r − 1)/4, NaN where unrated. A seeded fraction of each user's
 * ratings is held out; the method completes every unrated-or-held-out entry from the rest, and the
 * error on the held-out entries is reported in rating units (× 4).
 */
public final class RatingsEvaluation {
    /** Rating units per unit of the scaled values: (r − 1)/4 maps 1..5 onto 0..1. */
    public static final double RATING_SCALE = 4;

    /**
     * The matrix with the held-out entries blanked, and which they were.
     *
     * @param training the ratings with held-out entries set to NaN (K-NN's reference; what a model may see)
     * @param heldOut  {@code heldOut[u][i]} is true when user u's rating of item i is held out
     * @param truth    the full matrix
     */
    public record Split(Dataset training, boolean[][] heldOut, Dataset truth) {
    }

    /**
     * Figures of one run; serialisable by Jackson.
     *
     * @param rmse       RMSE on held-out ratings, in rating units
     * @param mae        MAE on held-out ratings, in rating units
     * @param msPerUser  mean wall time of one user's completion
     */
    public record Result(String dataset, String method, int users, int heldOut, double rmse, double mae,
                         double msPerUser) {
    }

    private RatingsEvaluation() {
    }

    /**
     * Holds out {@code fraction} of each user's ratings (at least one for users with two or more,
     * none for users with one), drawn with {@code seed}.
     */
    public static Split split(Dataset ratings, double fraction, long seed) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new InputException("held-out fraction must be in (0, 1), got " + fraction);
        }
        int dim = ratings.dim();
        float[] v = ratings.values().clone();
        boolean[][] held = new boolean[ratings.size()][dim];
        SplittableRandom rng = new SplittableRandom(seed);
        for (int u = 0; u < ratings.size(); u++) {
            int[] rated = ratedItems(v, u * dim, dim);
            if (rated.length < 2) {
                continue;
            }
            int take = Math.max(1, (int) Math.round(rated.length * fraction));
            for (int j = 0; j < take; j++) { // partial Fisher–Yates shuffle
                int pick = j + rng.nextInt(rated.length - j);
                int tmp = rated[j];
                rated[j] = rated[pick];
                rated[pick] = tmp;
                held[u][rated[j]] = true;
                v[u * dim + rated[j]] = Float.NaN;
            }
        }
        Dataset training = new Dataset(ratings.id(), ratings.shape(), ratings.size(), v, ratings.labels(),
                ratings.labelNames());
        return new Split(training, held, ratings);
    }

    private static int[] ratedItems(float[] v, int offset, int dim) {
        int n = 0;
        int[] idx = new int[dim];
        for (int i = 0; i < dim; i++) {
            if (!Float.isNaN(v[offset + i])) {
                idx[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(idx, n);
    }

    /** Completes the first {@code limit} users' rows and scores the held-out entries. */
    public static Result run(Inpainter inpainter, Split split, InpaintOptions options, int limit, long seed,
                             CancelToken cancel) {
        if (limit < 1) {
            throw new InputException("--limit must be at least 1, got " + limit);
        }
        Dataset train = split.training();
        int n = Math.min(limit, train.size());
        SplittableRandom root = new SplittableRandom(seed);
        CancelToken c = cancel == null ? CancelToken.NONE : cancel;
        double se = 0, ae = 0, ms = 0;
        int count = 0, users = 0;
        for (int u = 0; u < n; u++) {
            c.check();
            float[] row = train.row(u);
            Mask mask = Mask.ofNaN(train.shape(), row);
            if (!hasAny(split.heldOut()[u]) || mask.isFull()) {
                continue;
            }
            Completion done = inpainter.complete(row, mask, options, root.split(), c, InpaintListener.NONE);
            float[] truth = split.truth().row(u);
            for (int i = 0; i < row.length; i++) {
                if (split.heldOut()[u][i]) {
                    double e = (done.mean()[i] - truth[i]) * RATING_SCALE;
                    se += e * e;
                    ae += Math.abs(e);
                    count++;
                }
            }
            ms += done.millis();
            users++;
        }
        if (count == 0) {
            throw new InputException(train.id() + ": no user has a held-out rating to predict");
        }
        return new Result(train.id(), inpainter.method().toString(), users, count, Math.sqrt(se / count), ae / count,
                ms / users);
    }

    private static boolean hasAny(boolean[] flags) {
        for (boolean f : flags) {
            if (f) {
                return true;
            }
        }
        return false;
    }
}
