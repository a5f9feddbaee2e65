package org.latentexplorer.inpaint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * A way of completing the missing values of an example.
 *
 * <ul>
 *   <li>{@link #REPLACE}: iterative replacement — encode, decode, put the observed values back,
 *       repeat (Kormaris 2020, Listing 5.3).</li>
 *   <li>{@link #PSEUDO_GIBBS}: alternately z ~ q(z|x̂) and x_miss ~ p(x_miss|z) (Rezende et al. 2014,
 *       appendix F).</li>
 *   <li>{@link #MWG}: Metropolis-within-Gibbs, the encoder as an independent proposal with an exact
 *       acceptance ratio (Mattei &amp; Frellsen 2018, Algorithm 1).</li>
 *   <li>{@link #OPTIMIZE}: z* = argmax log p(x_obs|z) + log p(z) by Adam, then decode.</li>
 *   <li>{@link #IW}: the conditional mean E[x_miss|x_obs] by self-normalised importance sampling over
 *       K latent codes (Mattei &amp; Frellsen 2019, MIWAE, §3.3); see {@link ImportanceSampler}.</li>
 *   <li>{@link #KNN}: the K nearest training examples on the observed values (Kormaris 2020, §5.1).</li>
 *   <li>{@link #VAEAC}: S codes from a VAEAC's prior network p(z | x_o, m), each decoded (Ivanov et
 *       al. 2019, §3); needs a model trained as a VAEAC. See {@link VaeacInpainter}.</li>
 * </ul>
 */
public enum Method {
    REPLACE("replace"), PSEUDO_GIBBS("pseudo-gibbs"), MWG("mwg"), OPTIMIZE("optimize"), IW("iw"), KNN("knn"),
    VAEAC("vaeac");

    private final String cliName;

    Method(String cliName) {
        this.cliName = cliName;
    }

    /** True for the methods that need a trained model. */
    public boolean usesModel() {
        return this != KNN;
    }

    /**
     * True for the methods that run {@link InpaintOptions#iterations()} steps; iw draws its K codes in a
     * fixed number of rounds, K-NN looks its neighbours up once and vaeac draws its S codes at once.
     */
    public boolean usesIterations() {
        return this != IW && this != KNN && this != VAEAC;
    }

    /**
     * True for the methods whose completions differ, so {@link Completion#stdDev()} measures something;
     * replace converges to one fixed point and optimize to one code, so theirs is all zero.
     */
    public boolean givesSpread() {
        return this != REPLACE && this != OPTIMIZE;
    }

    /** Parses {@code replace}, {@code pseudo-gibbs}, {@code mwg}, {@code optimize}, {@code iw}, {@code knn} or {@code vaeac}. */
    public static Method parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (Method m : values()) {
            if (m.cliName.equals(t)) {
                return m;
            }
        }
        throw new InputException("--method must be replace, pseudo-gibbs, mwg, optimize, iw, iw:K, knn:K, vaeac or vaeac:S, "
                + "got '" + text + "'");
    }

    @JsonValue
    @Override
    public String toString() {
        return cliName;
    }
}
