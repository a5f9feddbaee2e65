package org.latentexplorer.embed;

import java.util.LinkedHashMap;
import java.util.Map;
import org.latentexplorer.common.InputException;

/**
 * Options of the trivial map that plots two latent dimensions against each other.
 *
 * @param xDim latent dimension on the horizontal axis, 0-based, default 0
 * @param yDim latent dimension on the vertical axis, 0-based, default 1; must differ from {@code xDim}
 */
public record AxesOptions(int xDim, int yDim) implements EmbedOptions {
    public AxesOptions {
        if (xDim < 0 || yDim < 0) {
            throw new InputException("latent dimensions must be 0 or more, got x=" + xDim + ", y=" + yDim);
        }
        if (xDim == yDim) {
            throw new InputException("the two latent dimensions must differ, got " + xDim + " twice");
        }
    }

    /** Dimensions 0 and 1. */
    public AxesOptions() {
        this(0, 1);
    }

    @Override
    public EmbedMethod method() {
        return EmbedMethod.LATENT_AXES;
    }

    @Override
    public Map<String, String> parameters() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("x", Integer.toString(xDim));
        m.put("y", Integer.toString(yDim));
        return m;
    }
}
