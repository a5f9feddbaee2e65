package org.latentexplorer.inpaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * A completion method with its count K, as written on the command line: {@code replace},
 * {@code pseudo-gibbs}, {@code mwg}, {@code optimize}, {@code iw} or {@code iw:K}, {@code knn:K} or
 * {@code knn:K:softmax}, {@code vaeac} or {@code vaeac:S}.
 *
 * @param method    the method
 * @param k         neighbours for {@link Method#KNN} (≥ 1), latent codes drawn for {@link Method#IW}
 *                  (1..{@value #MAX_SAMPLES}; {@value #DEFAULT_SAMPLES} when written {@code iw}), codes S a
 *                  {@link Method#VAEAC} draws (1..{@value #MAX_VAEAC_SAMPLES}; {@value #DEFAULT_VAEAC_SAMPLES}
 *                  when written {@code vaeac}); 0 for the other methods
 * @param weighting how K-NN weights its neighbours; {@link KnnWeighting#UNIFORM} by default
 */
public record MethodSpec(Method method, int k, KnnWeighting weighting) {
    /** Codes {@code iw} draws when K is not given: enough for a stable mean, ~25 ms of decoding. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** Most codes {@code iw} may draw (their decoded means are kept: K × missing values floats). */
    public static final int MAX_SAMPLES = 100_000;
    /** Codes {@code vaeac} draws when S is not given: a steady mean and spread in one graph call. */
    public static final int DEFAULT_VAEAC_SAMPLES = 32;
    /** Most codes {@code vaeac} may draw for one image. */
    public static final int MAX_VAEAC_SAMPLES = 10_000;

    public MethodSpec {
        if (method == null) {
            throw new InputException("no completion method given");
        }
        weighting = weighting == null ? KnnWeighting.UNIFORM : weighting;
        if (method == Method.KNN && k < 1) {
            throw new InputException("K-NN needs K ≥ 1, got " + k);
        }
        if (method == Method.IW && (k < 1 || k > MAX_SAMPLES)) {
            throw new InputException("iw needs K between 1 and " + MAX_SAMPLES + " latent samples (e.g. iw:1000), got " + k);
        }
        if (method == Method.VAEAC && (k < 1 || k > MAX_VAEAC_SAMPLES)) {
            throw new InputException("vaeac needs S between 1 and " + MAX_VAEAC_SAMPLES + " samples (e.g. vaeac:32), got " + k);
        }
        if (method != Method.KNN && method != Method.IW && method != Method.VAEAC) {
            k = 0;
        }
    }

    /**
     * The method with its default count (K = {@value #DEFAULT_SAMPLES} for {@link Method#IW}, S =
     * {@value #DEFAULT_VAEAC_SAMPLES} for {@link Method#VAEAC}).
     */
    public static MethodSpec of(Method method) {
        int k = method == Method.IW ? DEFAULT_SAMPLES : method == Method.VAEAC ? DEFAULT_VAEAC_SAMPLES : 0;
        return new MethodSpec(method, k, KnnWeighting.UNIFORM);
    }

    /** A VAEAC's completion from {@code samples} codes of its prior network. */
    public static MethodSpec vaeac(int samples) {
        return new MethodSpec(Method.VAEAC, samples, KnnWeighting.UNIFORM);
    }

    public static MethodSpec knn(int k, KnnWeighting weighting) {
        return new MethodSpec(Method.KNN, k, weighting);
    }

    /** Importance-weighted conditional mean over {@code k} latent codes. */
    public static MethodSpec iw(int k) {
        return new MethodSpec(Method.IW, k, KnnWeighting.UNIFORM);
    }

    /** Parses the {@code --method} argument. */
    public static MethodSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.startsWith("iw:")) {
            try {
                return iw(Integer.parseInt(t.substring(3)));
            } catch (NumberFormatException e) {
                throw new InputException("--method iw:K needs a whole number of latent samples K, e.g. iw:1000, got '"
                        + text + "'");
            }
        }
        if (t.startsWith("vaeac:")) {
            try {
                return vaeac(Integer.parseInt(t.substring(6)));
            } catch (NumberFormatException e) {
                throw new InputException("--method vaeac:S needs a whole number of samples S, e.g. vaeac:32, got '"
                        + text + "'");
            }
        }
        if (!t.startsWith("knn")) {
            return of(Method.parse(t));
        }
        String[] parts = t.split(":");
        try {
            if (parts.length == 2 || parts.length == 3) {
                KnnWeighting w = parts.length == 3 ? KnnWeighting.parse(parts[2]) : KnnWeighting.UNIFORM;
                return knn(Integer.parseInt(parts[1]), w);
            }
        } catch (NumberFormatException e) {
            // fall through to the message below
        }
        throw new InputException("--method knn needs K, e.g. knn:10 or knn:10:softmax, got '" + text + "'");
    }

    @JsonValue
    @Override
    public String toString() {
        return switch (method) {
            case KNN -> "knn:" + k + (weighting == KnnWeighting.UNIFORM ? "" : ":" + weighting);
            case IW -> "iw:" + k;
            case VAEAC -> "vaeac:" + k;
            default -> method.toString();
        };
    }
}
