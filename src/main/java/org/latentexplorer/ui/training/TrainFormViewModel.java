package org.latentexplorer.ui.training;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.KnownDataset;
import org.latentexplorer.data.Split;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.SameDiffGmvae;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.TrainOptions;
import org.latentexplorer.ui.services.TrainRequest;

/**
 * The Train dialog's form: one typed property per {@link TrainField}, turned into the core's
 * {@link TrainOptions} (the command line's own mapping to a model) as the user types, so that the
 * dialog and {@code latent-explorer train} build the same model from the same options and the
 * messages are the command line's, told in the dialog's words. Which sections apply follows the
 * model's kind; the GMVAE's start options apply only when there is a pre-trained start. The form is
 * kept between openings, so a run that fails brings back what the user typed, with the reason.
 */
public final class TrainFormViewModel {
    /** The dialog's sections, each with its fields in order. */
    public enum Section {
        DATA("Data", TrainField.DATASET, TrainField.SPLIT, TrainField.LIMIT, TrainField.BINARIZE),
        MODEL("Model", TrainField.KIND, TrainField.ARCH, TrainField.LATENT, TrainField.HIDDEN, TrainField.LIKELIHOOD,
                TrainField.VARIANCE),
        OPTIMISER("Optimiser", TrainField.EPOCHS, TrainField.BATCH, TrainField.LR, TrainField.BETA, TrainField.WARMUP,
                TrainField.WEIGHT_DECAY, TrainField.VALIDATION, TrainField.PATIENCE, TrainField.SEED),
        GMVAE("GMVAE start", TrainField.CLUSTERS, TrainField.W_DIM, TrainField.PRETRAIN, TrainField.OBJECTIVE,
                TrainField.INIT, TrainField.LAYOUTS, TrainField.LAYOUT_METRIC, TrainField.LAYOUT_CHOICE,
                TrainField.PRETRAIN_RUNS, TrainField.JOINT_LR),
        CVAE("CVAE", TrainField.PRIOR);

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
    }

    /** A whole-number field's bounds, the core's own. */
    public record Range(int min, int max) {
    }

    /** A decimal field's bounds, the core's own; an optional field may be left empty. */
    public record DecimalRange(double min, double max, boolean optional) {
    }

    /** The pre-training objectives, on the command line no flag, {@code --pretrain-noise}, {@code --pretrain-vae}. */
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
            Map.entry(TrainField.PRETRAIN_RUNS, new Range(1, SameDiffGmvae.MAX_INIT_RUNS))));
    private static final Map<TrainField, DecimalRange> DECIMAL_RANGES = new EnumMap<>(Map.of(
            // Open ends ((0, 1] for a rate) are the core's to refuse, with its message.
            TrainField.LR, new DecimalRange(0, 1, false),
            TrainField.BETA, new DecimalRange(0, TrainConfig.MAX_BETA, false),
            TrainField.WEIGHT_DECAY, new DecimalRange(0, 1, false),
            TrainField.VALIDATION, new DecimalRange(0, TrainConfig.MAX_VALIDATION, false),
            TrainField.VARIANCE, new DecimalRange(0, Likelihood.MAX_VARIANCE, false),
            TrainField.JOINT_LR, new DecimalRange(0, 1, true)));
    /** The choices of each choice field, value to the words shown. */
    private static final Map<TrainField, Map<String, String>> CHOICES = new EnumMap<>(Map.of(
            TrainField.SPLIT, ordered("train", "training part", "test", "test part", "all", "training and test parts"),
            TrainField.BINARIZE, ordered("none", "none (grey values)", "static", "static (drawn once)", "dynamic",
                    "dynamic (drawn each epoch)"),
            TrainField.KIND, ordered("vae", "VAE", "gmvae", "GMVAE (mixture prior)", "cvae", "CVAE (class-conditional)"),
            TrainField.ARCH, ordered("dense", "dense (fully connected)", "conv", "convolutional"),
            TrainField.LIKELIHOOD, ordered("bernoulli", "Bernoulli", "gaussian", "Gaussian (fixed variance)"),
            TrainField.OBJECTIVE, ordered(AUTOENCODER, "autoencoder", NOISY, "noisy autoencoder", VAE_START,
                    "VAE (KL to N(0, I))"),
            TrainField.INIT, ordered(SameDiffGmvae.INIT_UMAP_GMM, "GMM on the UMAP layout",
                    SameDiffGmvae.INIT_UMAP_GMM_CODES, "GMM on UMAP, then codes", SameDiffGmvae.INIT_UMAP,
                    "k-means on the UMAP layout", SameDiffGmvae.INIT_KMEANS, "k-means on the codes"),
            TrainField.LAYOUT_METRIC, ordered(SameDiffGmvae.METRIC_EUCLIDEAN, "Euclidean", SameDiffGmvae.METRIC_COSINE,
                    "cosine"),
            TrainField.LAYOUT_CHOICE, ordered(SameDiffGmvae.CHOICE_LIKELIHOOD, "likelihood of the codes",
                    SameDiffGmvae.CHOICE_AGREEMENT, "agreement with the others"),
            TrainField.PRIOR, ordered("learned", "learned p(z|c) per class", "fixed", "fixed N(0, I)")));

    private final Map<TrainField, StringProperty> texts = new EnumMap<>(TrainField.class);
    private final Map<TrainField, ObjectProperty<Integer>> integers = new EnumMap<>(TrainField.class);
    private final Map<TrainField, ObjectProperty<Double>> decimals = new EnumMap<>(TrainField.class);
    private final Map<TrainField, StringProperty> errors = new EnumMap<>(TrainField.class);
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty failure = new SimpleStringProperty("");
    private final Path modelsFolder;
    /** The output the form last suggested; while the field still holds it, it follows the data set and model. */
    private String suggested;
    /** Pre-training epochs before a convolutional GMVAE set them to 0, given back on return to dense. */
    private Integer densePretrain;
    private final BooleanBinding gmvae;
    private final BooleanBinding cvae;
    private final BooleanBinding gaussian;
    private final BooleanBinding pretrainEditable;
    private final BooleanBinding startOptions;

    /**
     * A form with the command line's defaults, training on {@code dataset} (mnist when empty), its output
     * suggested in {@code modelsFolder}.
     */
    public TrainFormViewModel(String dataset, Path modelsFolder) {
        this.modelsFolder = modelsFolder;
        TrainOptions d = TrainOptions.defaults(dataset == null || dataset.isBlank() ? "mnist" : dataset);
        TrainConfig t = d.train();
        TrainOptions.GmvaeStart g = d.gmvae();
        text(TrainField.DATASET, d.data().dataset());
        text(TrainField.SPLIT, d.data().split());
        integer(TrainField.LIMIT, d.data().limit());
        text(TrainField.BINARIZE, t.binarization().toString());
        text(TrainField.KIND, d.network().kind());
        text(TrainField.ARCH, d.network().arch());
        integer(TrainField.LATENT, d.network().latent());
        text(TrainField.HIDDEN, "");
        text(TrainField.LIKELIHOOD, "bernoulli");
        decimal(TrainField.VARIANCE, 0.01);
        integer(TrainField.EPOCHS, t.epochs());
        integer(TrainField.BATCH, t.batchSize());
        decimal(TrainField.LR, t.learningRate());
        decimal(TrainField.BETA, t.beta());
        integer(TrainField.WARMUP, t.warmupEpochs());
        decimal(TrainField.WEIGHT_DECAY, t.weightDecay());
        decimal(TrainField.VALIDATION, t.validationSplit());
        integer(TrainField.PATIENCE, t.patience());
        integer(TrainField.SEED, (int) t.seed());
        integer(TrainField.CLUSTERS, g.clusters());
        integer(TrainField.W_DIM, g.wDim());
        integer(TrainField.PRETRAIN, g.pretrainEpochs("dense"));
        text(TrainField.OBJECTIVE, AUTOENCODER);
        text(TrainField.INIT, g.init());
        integer(TrainField.LAYOUTS, g.layouts());
        text(TrainField.LAYOUT_METRIC, g.layoutMetric());
        text(TrainField.LAYOUT_CHOICE, g.layoutChoice());
        integer(TrainField.PRETRAIN_RUNS, g.pretrainRuns());
        decimal(TrainField.JOINT_LR, null);
        text(TrainField.PRIOR, d.cvaePrior());
        suggested = suggestOutput();
        text(TrainField.OUTPUT, suggested);

        gmvae = Bindings.createBooleanBinding(() -> "gmvae".equals(text(TrainField.KIND).get()), text(TrainField.KIND));
        cvae = Bindings.createBooleanBinding(() -> "cvae".equals(text(TrainField.KIND).get()), text(TrainField.KIND));
        gaussian = Bindings.createBooleanBinding(() -> "gaussian".equals(text(TrainField.LIKELIHOOD).get()),
                text(TrainField.LIKELIHOOD));
        // As the command line: a convolutional GMVAE starts from random weights (no pre-training yet).
        pretrainEditable = Bindings.createBooleanBinding(() -> !"conv".equals(text(TrainField.ARCH).get()),
                text(TrainField.ARCH));
        startOptions = Bindings.createBooleanBinding(() -> pretrainEditable.get()
                && integer(TrainField.PRETRAIN).get() != null && integer(TrainField.PRETRAIN).get() > 0,
                pretrainEditable, integer(TrainField.PRETRAIN));
        text(TrainField.ARCH).addListener((o, was, now) -> followArchitecture(now));
        for (Observable o : List.of(text(TrainField.DATASET), text(TrainField.KIND), integer(TrainField.LATENT))) {
            o.addListener(x -> followSuggestion());
        }
        for (TrainField f : TrainField.values()) {
            errors.put(f, new SimpleStringProperty(null));
            property(f).addListener(x -> validate());
        }
        validate();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    private void text(TrainField f, String v) {
        texts.put(f, new SimpleStringProperty(v));
    }

    private void integer(TrainField f, int v) {
        integers.put(f, new SimpleObjectProperty<>(v));
    }

    private void decimal(TrainField f, Double v) {
        decimals.put(f, new SimpleObjectProperty<>(v));
    }

    // ---- The fields -------------------------------------------------------------------------------

    /** The text or choice of a text or choice field; null for a numeric field. */
    public StringProperty text(TrainField f) {
        return texts.get(f);
    }

    /** The value of a whole-number field; null for other fields. */
    public ObjectProperty<Integer> integer(TrainField f) {
        return integers.get(f);
    }

    /** The value of a decimal field (null: left empty, its default); null for other fields. */
    public ObjectProperty<Double> decimal(TrainField f) {
        return decimals.get(f);
    }

    private javafx.beans.property.Property<?> property(TrainField f) {
        return texts.containsKey(f) ? texts.get(f) : integers.containsKey(f) ? integers.get(f) : decimals.get(f);
    }

    /** The bounds of a whole-number field. */
    public static Range range(TrainField f) {
        return RANGES.get(f);
    }

    /** The bounds of a decimal field. */
    public static DecimalRange decimalRange(TrainField f) {
        return DECIMAL_RANGES.get(f);
    }

    /** The choices of a choice field, value to the words shown, in order; null for a field one types. */
    public Map<String, String> choices(TrainField f) {
        if (f == TrainField.DATASET) {
            Map<String, String> m = new LinkedHashMap<>();
            for (KnownDataset d : DatasetCatalog.all()) {
                m.put(d.name(), d.name());
            }
            return m;
        }
        return CHOICES.get(f);
    }

    /** Whether a field applies to the model as set: the GMVAE's and CVAE's only to theirs, and so on. */
    public BooleanBinding shown(TrainField f) {
        return switch (f) {
            case VARIANCE -> gaussian;
            default -> shown(sectionOf(f));
        };
    }

    /** Whether a section applies: the GMVAE start only to a GMVAE, the CVAE's prior only to a CVAE. */
    public BooleanBinding shown(Section s) {
        return switch (s) {
            case GMVAE -> gmvae;
            case CVAE -> cvae;
            default -> Bindings.createBooleanBinding(() -> true);
        };
    }

    /** Whether a shown field can be changed: the start's options only when there is a pre-trained start. */
    public BooleanBinding editable(TrainField f) {
        return switch (f) {
            case PRETRAIN -> pretrainEditable;
            case OBJECTIVE, INIT, LAYOUTS, LAYOUT_METRIC, LAYOUT_CHOICE, PRETRAIN_RUNS, JOINT_LR -> startOptions;
            default -> Bindings.createBooleanBinding(() -> true);
        };
    }

    /** The label of the hidden-layer field and its prompt, which follow the architecture. */
    public String hiddenLabel() {
        return "conv".equals(text(TrainField.ARCH).get()) ? "Channels per stage" : TrainField.HIDDEN.label();
    }

    public String hiddenPrompt() {
        return "conv".equals(text(TrainField.ARCH).get()) ? "default 32,64" : "default 512,256";
    }

    /** What the data set's chosen part holds, for a data set the program knows; else empty. */
    public String sizeHint() {
        return DatasetCatalog.find(text(TrainField.DATASET).get().strip()).map(d -> {
            try {
                return String.format(Locale.ROOT, "of %,d", d.size(Split.parse(text(TrainField.SPLIT).get())));
            } catch (InputException e) {
                return "";
            }
        }).orElse("");
    }

    static Section sectionOf(TrainField f) {
        for (Section s : Section.values()) {
            if (s.fields().contains(f)) {
                return s;
            }
        }
        return Section.DATA; // the output
    }

    // ---- Checking ---------------------------------------------------------------------------------

    /** The message for a field that stops the run, in the dialog's words, or null. */
    public StringProperty error(TrainField f) {
        return errors.get(f);
    }

    /** Whether the form builds a run. */
    public BooleanProperty validProperty() {
        return valid;
    }

    /** The first reason the form builds no run, in the dialog's words; empty when it does. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** Why the last run from this form failed, in the dialog's words; empty after a run that did not. */
    public StringProperty failureProperty() {
        return failure;
    }

    /** Checks the form; sets the messages and {@link #validProperty()}. */
    public boolean validate() {
        Map<TrainField, String> found = new EnumMap<>(TrainField.class);
        String first = null;
        try {
            build();
        } catch (InputException e) {
            TrainField f = TrainField.of(e.getMessage());
            first = TrainField.inWords(e.getMessage());
            if (f != null) {
                found.put(f, first);
            }
        }
        for (TrainField f : TrainField.values()) {
            errors.get(f).set(found.get(f));
        }
        valid.set(first == null);
        problem.set(first == null ? "" : first);
        return first == null;
    }

    /** The run the form describes, or an InputException in the dialog's words. */
    public TrainRequest toRequest() {
        try {
            return build();
        } catch (InputException e) {
            throw new InputException(TrainField.inWords(e.getMessage()), e);
        }
    }

    /** The options as the core takes them; an InputException naming the command line's option. */
    public TrainOptions options() {
        return build().options();
    }

    private TrainRequest build() {
        String out = text(TrainField.OUTPUT).get() == null ? "" : text(TrainField.OUTPUT).get().strip();
        if (out.isEmpty() || !out.toLowerCase(Locale.ROOT).endsWith(".lexb")) {
            throw new InputException("--out must be a model bundle file ending in .lexb, got '" + out + "'");
        }
        Path output;
        try {
            output = Path.of(out);
        } catch (java.nio.file.InvalidPathException e) {
            throw new InputException("--out " + out + " is not a file name here (" + e.getReason() + ")");
        }
        boolean start = startOptions.get();
        String objective = text(TrainField.OBJECTIVE).get();
        TrainConfig train = new TrainConfig(value(TrainField.EPOCHS), value(TrainField.BATCH), number(TrainField.LR),
                number(TrainField.WEIGHT_DECAY), number(TrainField.BETA), value(TrainField.WARMUP),
                number(TrainField.VALIDATION), value(TrainField.PATIENCE), Binarization.parse(text(TrainField.BINARIZE).get()),
                value(TrainField.SEED));
        TrainOptions options = new TrainOptions(
                new TrainOptions.Data(text(TrainField.DATASET).get(), text(TrainField.SPLIT).get(), value(TrainField.LIMIT)),
                new TrainOptions.Network(text(TrainField.KIND).get(), text(TrainField.ARCH).get(), value(TrainField.LATENT),
                        hidden(), gaussian.get() ? Likelihood.gaussian(number(TrainField.VARIANCE)) : Likelihood.BERNOULLI),
                train,
                // The sections that do not apply are left at the command line's defaults, as its arguments leave them
                // out; so are the start's options without a pre-trained start, which would do nothing.
                !gmvae.get() ? TrainOptions.GmvaeStart.defaults() : new TrainOptions.GmvaeStart(value(TrainField.CLUSTERS),
                        value(TrainField.W_DIM), pretrainEditable.get() ? value(TrainField.PRETRAIN) : 0,
                        text(TrainField.INIT).get(), value(TrainField.LAYOUTS), text(TrainField.LAYOUT_METRIC).get(),
                        text(TrainField.LAYOUT_CHOICE).get(), start && NOISY.equals(objective),
                        start && VAE_START.equals(objective), start ? value(TrainField.PRETRAIN_RUNS) : 1,
                        start ? decimal(TrainField.JOINT_LR).get() : null),
                cvae.get() ? text(TrainField.PRIOR).get() : null);
        return new TrainRequest(options, output);
    }

    private int value(TrainField f) {
        Integer v = integer(f).get();
        if (v == null) {
            throw new InputException(f.option() + " is empty");
        }
        return v;
    }

    private double number(TrainField f) {
        Double v = decimal(f).get();
        if (v == null) {
            throw new InputException(f == TrainField.VARIANCE ? "Gaussian likelihood variance is empty" : f.option() + " is empty");
        }
        return v;
    }

    /** The hidden layers typed, or null (the architecture's default) when the field is empty. */
    private List<Integer> hidden() {
        String t = text(TrainField.HIDDEN).get() == null ? "" : text(TrainField.HIDDEN).get().strip();
        if (t.isEmpty()) {
            return null;
        }
        List<Integer> sizes = new ArrayList<>();
        for (String h : t.split("[,\\s]+")) {
            try {
                sizes.add(Integer.parseInt(h));
            } catch (NumberFormatException e) {
                throw new InputException("--hidden takes whole numbers separated by commas, e.g. "
                        + ("conv".equals(text(TrainField.ARCH).get()) ? "32,64" : "512,256") + "; got '" + t + "'");
            }
        }
        return sizes;
    }

    // ---- Following the user -----------------------------------------------------------------------

    private void followArchitecture(String arch) {
        ObjectProperty<Integer> pretrain = integer(TrainField.PRETRAIN);
        if ("conv".equals(arch)) {
            if (pretrain.get() != null && pretrain.get() > 0) {
                densePretrain = pretrain.get();
                pretrain.set(0);
            }
        } else if (densePretrain != null && Integer.valueOf(0).equals(pretrain.get())) {
            pretrain.set(densePretrain);
            densePretrain = null;
        }
    }

    /** The output follows the data set, kind and d until the user names another. */
    private void followSuggestion() {
        if (text(TrainField.OUTPUT) != null && text(TrainField.OUTPUT).get().equals(suggested)) {
            suggested = suggestOutput();
            text(TrainField.OUTPUT).set(suggested);
        }
    }

    /** A file in the models folder named for the data set, kind and d, not yet taken: mnist-vae-d2.lexb. */
    private String suggestOutput() {
        String data = text(TrainField.DATASET).get().strip().replace('\\', '/');
        String name = data.isEmpty() ? "model" : data.substring(data.lastIndexOf('/', data.length() - 2) + 1)
                .replaceFirst("/$", "");
        int dot = name.lastIndexOf('.');
        name = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9._-]+", "-");
        name = name.isEmpty() ? "model" : name;
        String stem = name + "-" + text(TrainField.KIND).get() + "-d" + integer(TrainField.LATENT).get();
        Path p = modelsFolder.resolve(stem + ".lexb");
        for (int i = 2; Files.exists(p); i++) {
            p = modelsFolder.resolve(stem + "-" + i + ".lexb");
        }
        return p.toString();
    }

    /** Sets the output from a file dialog's answer, adding the extension it may lack. */
    public void chooseOutput(Path file) {
        String s = file.toString();
        text(TrainField.OUTPUT).set(s.toLowerCase(Locale.ROOT).endsWith(".lexb") ? s : s + ".lexb");
    }

    /** The file name of the output as typed, for a file dialog to suggest. */
    public String outputName() {
        try {
            Path name = Path.of(text(TrainField.OUTPUT).get().strip()).getFileName();
            return name == null ? "model.lexb" : name.toString();
        } catch (RuntimeException e) {
            return "model.lexb";
        }
    }

    /** The folder of the output as typed, for a file dialog to start in; the models folder otherwise. */
    public Path outputFolder() {
        try {
            Path parent = Path.of(text(TrainField.OUTPUT).get().strip()).toAbsolutePath().getParent();
            return parent != null && Files.isDirectory(parent) ? parent : modelsFolder;
        } catch (RuntimeException e) {
            return modelsFolder;
        }
    }

    /** The run from this form failed: keeps everything typed and says why, on the field it concerns. */
    public void failed(String message) {
        String words = TrainField.inWords(message);
        failure.set(words == null ? "" : words);
        TrainField f = TrainField.of(message);
        if (f == null && message != null && message.startsWith(text(TrainField.DATASET).get().strip() + ":")) {
            f = TrainField.DATASET;
        }
        if (f != null) {
            errors.get(f).set(words);
        }
    }

    /** A run from this form was asked for: the last failure is no longer the news. */
    public void submitted() {
        failure.set("");
    }

    /** A run from this form finished: the next one is suggested a fresh output rather than this one. */
    public void succeeded() {
        failure.set("");
        if (text(TrainField.OUTPUT).get().equals(suggested)) {
            suggested = suggestNext(suggested);
            text(TrainField.OUTPUT).set(suggested);
        }
    }

    private String suggestNext(String taken) {
        String stem = taken.replaceFirst("(-\\d+)?\\.lexb$", "");
        for (int i = 2; ; i++) {
            String next = stem + "-" + i + ".lexb";
            if (!next.equals(taken) && !Files.exists(Path.of(next))) {
                return next;
            }
        }
    }
}
