package org.latentexplorer.ui.training;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Train dialog's fields in a researcher's words: each one's label (with its unit), its help, and
 * the option of {@code latent-explorer train} it stands for, so that the core's messages, which name
 * options, can be told in the dialog's words.
 */
public enum TrainField {
    DATASET("Data set", "--dataset", "A data set by name (mnist: 10,000 digits shipped with the program; "
            + "fashion-mnist, kmnist, cifar-10, … are downloaded once) or a file or folder of images."),
    SPLIT("Part", "--split", "Which part of the data set to train on: its training part, its test part, or both."),
    LIMIT("Examples (0 = all)", "--limit", "Train on the first N examples of that part only; 0 uses all of "
            + "them. A few hundred give a first model in seconds."),
    BINARIZE("Binarisation", "--binarize", "Grey values as they are, or drawn to 0/1 pixels for the Bernoulli "
            + "likelihood: once (static, Larochelle & Murray 2011) or afresh each epoch (dynamic, a regulariser)."),
    KIND("Model", "--model", "VAE: a standard normal prior N(0, I). GMVAE: a Gaussian-mixture prior with K "
            + "clusters (Dilokthanakul et al. 2016). CVAE: conditioned on the class label. VAEAC: completes any "
            + "hidden pixels (Ivanov et al. 2019), for the Inpaint screen."),
    ARCH("Architecture", "--arch", "Dense: fully connected layers. Convolutional: stride-2 convolution stages "
            + "(VAE and GMVAE)."),
    LATENT("Latent size d", "--latent", "Dimension of the latent code z. With d = 2 the latent map is the "
            + "code itself; larger d is projected (PCA, t-SNE, UMAP)."),
    HIDDEN("Hidden layers (units)", "--hidden", "Sizes of the encoder's hidden layers, comma-separated; the "
            + "decoder mirrors them. Empty: the default."),
    LIKELIHOOD("Likelihood p(x|z)", "--likelihood", "The decoder's distribution of a pixel: Bernoulli "
            + "(for pixels near 0 or 1) or Gaussian with a fixed variance."),
    VARIANCE("Gaussian variance σ²", null, "The fixed variance of the Gaussian likelihood, in (0, 100]; "
            + "0.01 and 0.001 are common for images scaled to [0, 1]."),
    EPOCHS("Epochs", "--epochs", "Passes over the training examples."),
    BATCH("Batch size (examples)", "--batch", "Examples per gradient step."),
    LR("Learning rate (Adam)", "--lr", "Adam's step size, in (0, 1]; 0.001 is the usual choice."),
    LR_SCHEDULE("Learning-rate schedule", "--lr-schedule", "How the learning rate moves over the run: constant; "
            + "cosine, annealed from the learning rate to 0 over the epochs (Loshchilov & Hutter 2017); or divided "
            + "by 10 each time the validation loss has not improved for 3 epochs (on plateau)."),
    BETA("β (KL weight)", "--beta", "Weight of the KL term of the ELBO: 1 is the plain VAE, above 1 a β-VAE "
            + "(Higgins et al. 2017), in [0, 1000]."),
    WARMUP("KL warm-up (epochs)", "--warmup", "Epochs over which the KL weight rises linearly from 0 to β "
            + "(Sønderby et al. 2016); 0 for none."),
    WEIGHT_DECAY("Weight decay (L2, per step)", "--weight-decay", "L2 penalty on the weights applied by Adam "
            + "at every step, in [0, 1); 0 for none."),
    VALIDATION("Validation split (fraction)", "--validation", "Fraction of the examples held out to measure the "
            + "validation loss after each epoch, in [0, 0.5]."),
    PATIENCE("Early-stopping patience (epochs)", "--patience", "Stop when the validation loss has not improved "
            + "for this many epochs and keep the best epoch's weights; 0 trains every epoch."),
    SEED("Random seed", "--seed", "Seeds the initial weights, the shuffling, the binarisation and the noise: "
            + "the same seed and options train the same model."),
    CLUSTERS("Clusters K", "--clusters", "Components of the Gaussian mixture, 2 to 100."),
    W_DIM("Dimension of w", "--w-dim", "Dimension of the GMVAE's second latent w, which places the K cluster "
            + "means, 1 to 64."),
    PRETRAIN("Pre-training (epochs)", "--pretrain", "Epochs of an autoencoder before the mixture starts from "
            + "clusters of its codes (the VaDE start); 0 starts from random weights. Convolutional GMVAEs "
            + "start from random weights for now."),
    OBJECTIVE("Pre-training objective", "--pretrain-noise or --pretrain-vae", "What the pre-training "
            + "optimises: an autoencoder; one that decodes samples of q(z|x) (a fading denoising schedule); or a "
            + "plain VAE, whose decoder stays calibrated."),
    INIT("Start clustering", "--init", "How the pre-trained codes are clustered to start the mixture: a "
            + "Gaussian mixture on their UMAP layout (the default), that partition refined on the codes, k-means "
            + "on the layout (N2D), or k-means on the codes (VaDE)."),
    LAYOUTS("UMAP layouts", "--layouts", "UMAP layouts the start lays out and clusters, each from its own "
            + "seed; the best partition is kept. 1 to 50."),
    LAYOUT_METRIC("Layout distance", "--layout-metric", "The distance between codes the UMAP layouts keep: "
            + "Euclidean, or cosine (the angle between standardised codes)."),
    LAYOUT_CHOICE("Partition chosen by", "--layout-choice", "How the start chooses among its partitions: the "
            + "one under whose Gaussian mixture the codes are most likely, or the one that agrees best with the "
            + "others."),
    PRETRAIN_RUNS("Pre-training runs", "--pretrain-runs", "Pre-training runs, each from its own weights; the "
            + "run whose partition agrees best with the others' is kept. 1 to 10."),
    JOINT_LR("Joint learning rate", "--joint-lr", "Learning rate of the epochs after the start. Empty: a tenth "
            + "of the learning rate (a hundredth after a VAE pre-training)."),
    PRIOR("Prior p(z|c)", "--prior", "Learned: a Gaussian prior p(z|c) per class. Fixed: N(0, I) for every "
            + "class, the decoder sees the class."),
    PATH("Global path (units)", "--path", "Width of the dense path from the prior network's deepest features to "
            + "the decoder, which lets a completion see the whole visible part at once; 0 for none."),
    PRIOR_RECON("Prior reconstruction weight α", "--prior-recon", "Weight of the missing pixels' reconstruction "
            + "with z drawn from the prior network, added to the VAEAC loss (Sohn et al. 2015's hybrid objective): "
            + "trains the network that completes at use; 0 for the VAEAC loss alone, in [0, 100]."),
    HALF_MASKS("Share of half masks", "--half-masks", "Of the masks a VAEAC trains on, the share that hide a "
            + "half of the image (top, bottom, left or right); the rest are squares, random pixels and brush strokes "
            + "in equal parts. In [0, 1]."),
    OUTPUT("Save as", "--out", "The model bundle (.lexb) to write; it is saved after every epoch and opened "
            + "when training ends. A model already there is kept as NAME.previous.lexb.");

    private final String label;
    private final String option;
    private final String help;

    TrainField(String label, String option, String help) {
        this.label = label;
        this.option = option;
        this.help = help;
    }

    public String label() {
        return label;
    }

    /** The command line's option, or null where the field is part of another's value. */
    public String option() {
        return option;
    }

    /** The tooltip: the help, then the option for those who know the command line. */
    public String help() {
        return help + (option == null ? "" : "\nCommand line: " + option);
    }

    /** The id of the field's control, e.g. {@code train-weight-decay}. */
    public String id() {
        return "train-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Options a message may name, longest first so that {@code --pretrain-runs} is not read as {@code --pretrain}. */
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z-]*[a-z]");

    /** The field whose option {@code message} names first, else by its words, else null. */
    public static TrainField of(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = OPTION.matcher(message);
        while (m.find()) {
            TrainField f = byOption(m.group());
            if (f != null) {
                return f;
            }
        }
        String t = message.toLowerCase(Locale.ROOT);
        if (t.contains("latent dimension")) {
            return LATENT;
        }
        if (t.contains("hidden layer") || t.contains("layers") || t.contains("channels")) {
            return HIDDEN;
        }
        if (t.contains("variance")) {
            return VARIANCE;
        }
        if (t.contains("prior")) {
            return PRIOR;
        }
        return null;
    }

    private static TrainField byOption(String option) {
        if (option.equals("--pretrain-noise") || option.equals("--pretrain-vae")) {
            return OBJECTIVE;
        }
        for (TrainField f : values()) {
            if (option.equals(f.option)) {
                return f;
            }
        }
        return null;
    }

    /** {@code message} with each option it names given as the field's label in quotes. */
    public static String inWords(String message) {
        if (message == null) {
            return null;
        }
        Matcher m = OPTION.matcher(message);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            TrainField f = byOption(m.group());
            m.appendReplacement(b, Matcher.quoteReplacement(f == null ? m.group() : "“" + f.label + "”"));
        }
        m.appendTail(b);
        return b.toString();
    }
}
