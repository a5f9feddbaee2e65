package org.latentexplorer.inpaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * A completion method with its count K, as written on the command line: {@code replace},
 * {@code pseudo-gibbs}, {@code mwg}, {@code optimize}, {@code iw} or {@code iw:K}, {@code knn:K} or
 * {@code knn:K:softmax}.
 *
 * @param method    the method
 * @param k         neighbours for {@link Method#KNN} (≥ 1), latent codes drawn for {@link Method#IW}
 *                  (1..{@value #MAX_SAMPLES}; {@value #DEFAULT_SAMPLES} when written {@code iw}); 0 for the
 *                  other methods
 * @param weighting how K-NN weights its neighbours; {@link KnnWeighting#UNIFORM} by default
 */
public record MethodSpec(Method method, int k, KnnWeighting weighting) {
    /** Codes {@code iw} draws when K is not given: enough for a stable mean, ~25 ms of decoding. */
    public static final int DEFAULT_SAMPLES = 1000;
    /** Most codes {@code iw} may draw (their decoded means are kept: K × missing values floats). */
    public static final int MAX_SAMPLES = 100_000;

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
        if (method != Method.KNN && method != Method.IW) {
            k = 0;
        }
    }

    /** The method with its default count (K = {@value #DEFAULT_SAMPLES} for {@link Method#IW}). */
    public static MethodSpec of(Method method) {
        return new MethodSpec(method, method == Method.IW ? DEFAULT_SAMPLES : 0, KnnWeighting.UNIFORM);
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
            default -> method.toString();
        };
    }
}
