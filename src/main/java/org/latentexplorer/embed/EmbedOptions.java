package org.latentexplorer.embed;

import java.util.Map;

/**
 * Parameters of one embedding method. Each implementation is an immutable record whose constructor
 * rejects values out of range with an {@link org.latentexplorer.common.InputException} naming the value.
 * Two option records that are {@code equals} give the same map for the same codes; {@link #canonical()}
 * is the stable text used in cache keys.
 */
public sealed interface EmbedOptions permits PcaOptions, TsneOptions, UmapOptions, AxesOptions {
    /** The method these options are for. */
    EmbedMethod method();

    /** Parameter name → value, in a fixed order, for display and cache keys. */
    Map<String, String> parameters();

    /** {@code method(name=value,...)}: stable across runs and releases; used in cache keys. */
    default String canonical() {
        StringBuilder sb = new StringBuilder(method().cliName()).append('(');
        String sep = "";
        for (Map.Entry<String, String> e : parameters().entrySet()) {
            sb.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = ",";
        }
        return sb.append(')').toString();
    }

    /** Default options of a method. */
    static EmbedOptions defaults(EmbedMethod method) {
        return switch (method) {
            case PCA -> new PcaOptions();
            case TSNE -> new TsneOptions();
            case UMAP -> new UmapOptions();
            case LATENT_AXES -> new AxesOptions();
        };
    }
}
