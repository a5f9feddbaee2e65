package org.latentexplorer.ui.training;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.ModelLimits;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.model.SameDiffVaeac;
import org.latentexplorer.train.LrSchedule;
import org.latentexplorer.train.TrainConfig;

/**
 * What each field of the Train dialog takes: the section it is shown in, the bounds of a number (the
 * core's own limits, so the spinner stops where the command line would refuse), and the words shown
 * for each value of a choice.
 */
public final class TrainInputs {
    private TrainInputs() {
    }

    /** The dialog's sections, each with its fields in order. */
    public enum Section {
        DATA("Data", TrainField.DATASET, TrainField.SPLIT, TrainField.LIMIT, TrainField.BINARIZE),
        MODEL("Model", TrainField.KIND, TrainField.ARCH, TrainField.LATENT, TrainField.HIDDEN, TrainField.LIKELIHOOD,
                TrainField.VARIANCE),
        OPTIMISER("Optimiser", TrainField.EPOCHS, TrainField.BATCH, TrainField.LR, TrainField.LR_SCHEDULE,
                TrainField.BETA, TrainField.WARMUP,
                TrainField.WEIGHT_DECAY, TrainField.VALIDATION, TrainField.PATIENCE, TrainField.SEED),
        GMVAE("GMVAE start", TrainField.CLUSTERS, TrainField.W_DIM, TrainField.PRETRAIN, TrainField.OBJECTIVE,
                TrainField.INIT, TrainField.LAYOUTS, TrainField.LAYOUT_METRIC, TrainField.LAYOUT_CHOICE,
                TrainField.PRETRAIN_RUNS, TrainField.JOINT_LR),
        CVAE("CVAE", TrainField.PRIOR),
        VAEAC("VAEAC", TrainField.PATH, TrainField.PRIOR_RECON, TrainField.HALF_MASKS);

        private final String title;
        private final List<TrainField> fields;

        Section(String title, TrainField... fields) {
            this.title = title;
            this.fields = List.of(fields);
        }

        public String title() {
            return title;
        }

        public List<TrainField> fields() {
            return fields;
        }

        /** The section that shows {@code f}; the output, below them all, counts with the data. */
        public static Section of(TrainField f) {
            for (Section s : values()) {
                if (s.fields.contains(f)) {
                    return s;
                }
            }
            return DATA;
        }
    }

    /** A whole-number field's bounds. */
    public record Range(int min, int max) {
    }

    /** A decimal field's bounds; an optional field may be left empty. */
    public record DecimalRange(double min, double max, boolean optional) {
    }

    /** The pre-training objectives; on the command line no flag, {@code --pretrain-noise}, {@code --pretrain-vae}. */
    public static final String AUTOENCODER = "autoencoder", NOISY = "noisy", VAE_START = "vae";

    private static final Map<TrainField, Range> RANGES = new EnumMap<>(Map.ofEntries(
            Map.entry(TrainField.LIMIT, new Range(0, Integer.MAX_VALUE)),
            Map.entry(TrainField.LATENT, new Range(1, ModelConfig.MAX_LATENT)),
            Map.entry(TrainField.EPOCHS, new Range(1, TrainConfig.MAX_EPOCHS)),
            Map.entry(TrainField.BATCH, new Range(1, TrainConfig.MAX_BATCH)),
            Map.entry(TrainField.WARMUP, new Range(0, TrainConfig.MAX_EPOCHS)),
            Map.entry(TrainField.PATIENCE, new Range(0, TrainConfig.MAX_EPOCHS)),
            Map.entry(TrainField.SEED, new Range(Integer.MIN_VALUE, Integer.MAX_VALUE)),
            Map.entry(TrainField.CLUSTERS, new Range(2, SameDiffGmvae.MAX_CLUSTERS)),
            Map.entry(TrainField.W_DIM, new Range(1, SameDiffGmvae.MAX_W_DIM)),
            Map.entry(TrainField.PRETRAIN, new Range(0, SameDiffGmvae.MAX_PRETRAIN_EPOCHS)),
            Map.entry(TrainField.LAYOUTS, new Range(1, SameDiffGmvae.MAX_INIT_LAYOUTS)),
            Map.entry(TrainField.PRETRAIN_RUNS, new Range(1, SameDiffGmvae.MAX_INIT_RUNS)),
            Map.entry(TrainField.PATH, new Range(0, ModelLimits.MAX_WIDTH))));
    private static final Map<TrainField, DecimalRange> DECIMAL_RANGES = new EnumMap<>(Map.of(
            // Open ends ((0, 1] for a rate) are the core's to refuse, with its message.
            TrainField.LR, new DecimalRange(0, 1, false),
            TrainField.BETA, new DecimalRange(0, TrainConfig.MAX_BETA, false),
            TrainField.WEIGHT_DECAY, new DecimalRange(0, 1, false),
            TrainField.VALIDATION, new DecimalRange(0, TrainConfig.MAX_VALIDATION, false),
            TrainField.VARIANCE, new DecimalRange(0, Likelihood.MAX_VARIANCE, false),
            TrainField.JOINT_LR, new DecimalRange(0, 1, true),
            TrainField.PRIOR_RECON, new DecimalRange(0, SameDiffVaeac.MAX_PRIOR_RECON, false),
            TrainField.HALF_MASKS, new DecimalRange(0, 1, false)));
    /** The plateau schedule the dialog offers: the rate divided by 10 after 3 epochs without improvement. */
    public static final String PLATEAU = LrSchedule.parse("plateau:3").toString();
    private static final Map<TrainField, Map<String, String>> CHOICES = new EnumMap<>(Map.ofEntries(
            Map.entry(TrainField.SPLIT, ordered("train", "training part", "test", "test part", "all",
                    "training and test parts")),
            Map.entry(TrainField.BINARIZE, ordered("none", "none (grey values)", "static", "static (drawn once)", "dynamic",
                    "dynamic (drawn each epoch)")),
            Map.entry(TrainField.KIND, ordered("vae", "VAE", "gmvae", "GMVAE (mixture prior)", "cvae",
                    "CVAE (class-conditional)", "vaeac", "VAEAC (completes any hidden pixels)")),
            Map.entry(TrainField.ARCH, ordered("dense", "dense (fully connected)", "conv", "convolutional")),
            Map.entry(TrainField.LIKELIHOOD, ordered("bernoulli", "Bernoulli", "gaussian", "Gaussian (fixed variance)")),
            Map.entry(TrainField.LR_SCHEDULE, ordered(LrSchedule.CONSTANT, "constant", LrSchedule.COSINE,
                    "cosine (to 0)", PLATEAU, "÷10 on a plateau")),
            Map.entry(TrainField.OBJECTIVE, ordered(AUTOENCODER, "autoencoder", NOISY, "noisy autoencoder", VAE_START,
                    "VAE (KL to N(0, I))")),
            Map.entry(TrainField.INIT, ordered(SameDiffGmvae.INIT_UMAP_GMM, "GMM on the UMAP layout",
                    SameDiffGmvae.INIT_UMAP_GMM_CODES, "GMM on UMAP, then codes", SameDiffGmvae.INIT_UMAP,
                    "k-means on the UMAP layout", SameDiffGmvae.INIT_KMEANS, "k-means on the codes")),
            Map.entry(TrainField.LAYOUT_METRIC, ordered(SameDiffGmvae.METRIC_EUCLIDEAN, "Euclidean",
                    SameDiffGmvae.METRIC_COSINE, "cosine")),
            Map.entry(TrainField.LAYOUT_CHOICE, ordered(SameDiffGmvae.CHOICE_LIKELIHOOD, "likelihood of the codes",
                    SameDiffGmvae.CHOICE_AGREEMENT, "agreement with the others")),
            Map.entry(TrainField.PRIOR, ordered("learned", "learned p(z|c) per class", "fixed", "fixed N(0, I)"))));

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** The bounds of a whole-number field, null for another. */
    public static Range range(TrainField f) {
        return RANGES.get(f);
    }

    /** The bounds of a decimal field, null for another. */
    public static DecimalRange decimalRange(TrainField f) {
        return DECIMAL_RANGES.get(f);
    }

    /** A choice field's values with the words shown for them, in order; null for another field. */
    public static Map<String, String> choices(TrainField f) {
        return CHOICES.get(f);
    }
}
