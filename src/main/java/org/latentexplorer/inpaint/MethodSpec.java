package org.latentexplorer.inpaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * A completion method with its K-NN settings, as written on the command line: {@code replace},
 * {@code pseudo-gibbs}, {@code mwg}, {@code optimize}, {@code knn:K} or {@code knn:K:softmax}.
 *
 * @param method    the method
 * @param k         neighbours for {@link Method#KNN} (≥ 1; 0 for the model methods)
 * @param weighting how K-NN weights its neighbours; {@link KnnWeighting#UNIFORM} by default
 */
public record MethodSpec(Method method, int k, KnnWeighting weighting) {
    public MethodSpec {
        if (method == null) {
            throw new InputException("no completion method given");
        }
        weighting = weighting == null ? KnnWeighting.UNIFORM : weighting;
        if (method == Method.KNN && k < 1) {
            throw new InputException("K-NN needs K ≥ 1, got " + k);
        }
        if (method != Method.KNN) {
            k = 0;
        }
    }

    public static MethodSpec of(Method method) {
        return new MethodSpec(method, 0, KnnWeighting.UNIFORM);
    }

    public static MethodSpec knn(int k, KnnWeighting weighting) {
        return new MethodSpec(Method.KNN, k, weighting);
    }

    /** Parses the {@code --method} argument. */
    public static MethodSpec parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
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
        if (method != Method.KNN) {
            return method.toString();
        }
        return "knn:" + k + (weighting == KnnWeighting.UNIFORM ? "" : ":" + weighting);
    }
}
