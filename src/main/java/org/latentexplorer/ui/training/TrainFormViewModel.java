package org.latentexplorer.ui.training;

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
import org.latentexplorer.train.LrSchedule;
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
    /** The architecture before a CVAE made it dense, given back when the kind changes again. */
    private String archBeforeForced;
    private final BooleanBinding gmvae;
    private final BooleanBinding cvae;
    private final BooleanBinding vaeac;
    private final BooleanBinding gaussian;
    private final BooleanBinding archEditable;
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
        text(TrainField.LR_SCHEDULE, t.lrSchedule().toString());
        decimal(TrainField.BETA, t.beta());
        integer(TrainField.WARMUP, t.warmupEpochs());
        decimal(TrainField.WEIGHT_DECAY, t.weightDecay());
        decimal(TrainField.VALIDATION, t.validationSplit());
        integer(TrainField.PATIENCE, t.patience());
        integer(TrainField.SEED, (int) t.seed());
        integer(TrainField.CLUSTERS, g.clusters());
        integer(TrainField.W_DIM, g.wDim());
        integer(TrainField.PRETRAIN, g.pretrainEpochs("dense"));
        text(TrainField.OBJECTIVE, TrainInputs.AUTOENCODER);
        text(TrainField.INIT, g.init());
        integer(TrainField.LAYOUTS, g.layouts());
        text(TrainField.LAYOUT_METRIC, g.layoutMetric());
        text(TrainField.LAYOUT_CHOICE, g.layoutChoice());
        integer(TrainField.PRETRAIN_RUNS, g.pretrainRuns());
        decimal(TrainField.JOINT_LR, null);
        text(TrainField.PRIOR, d.cvaePrior());
        integer(TrainField.PATH, d.vaeac().path());
        decimal(TrainField.PRIOR_RECON, d.vaeac().priorRecon());
        decimal(TrainField.HALF_MASKS, d.vaeac().halfMasks());
        suggested = suggestOutput();
        text(TrainField.OUTPUT, suggested);

        gmvae = Bindings.createBooleanBinding(() -> "gmvae".equals(text(TrainField.KIND).get()), text(TrainField.KIND));
        cvae = Bindings.createBooleanBinding(() -> "cvae".equals(text(TrainField.KIND).get()), text(TrainField.KIND));
        vaeac = Bindings.createBooleanBinding(() -> "vaeac".equals(text(TrainField.KIND).get()), text(TrainField.KIND));
        gaussian = Bindings.createBooleanBinding(() -> "gaussian".equals(text(TrainField.LIKELIHOOD).get()),
                text(TrainField.LIKELIHOOD));
        // As the command line: a CVAE is dense only, a VAEAC conv only, and a convolutional GMVAE starts from
        // random weights.
        archEditable = Bindings.createBooleanBinding(() -> forcedArch(text(TrainField.KIND).get()) == null,
                text(TrainField.KIND));
        pretrainEditable = Bindings.createBooleanBinding(() -> !"conv".equals(text(TrainField.ARCH).get()),
                text(TrainField.ARCH));
        startOptions = Bindings.createBooleanBinding(() -> pretrainEditable.get()
                && integer(TrainField.PRETRAIN).get() != null && integer(TrainField.PRETRAIN).get() > 0,
                pretrainEditable, integer(TrainField.PRETRAIN));
        text(TrainField.ARCH).addListener((o, was, now) -> followArchitecture(now));
        text(TrainField.KIND).addListener((o, was, now) -> followKind(now));
        for (Observable o : List.of(text(TrainField.DATASET), text(TrainField.KIND), integer(TrainField.LATENT))) {
            o.addListener(x -> followSuggestion());
        }
        for (TrainField f : TrainField.values()) {
            errors.put(f, new SimpleStringProperty(null));
            property(f).addListener(x -> validate());
        }
        validate();
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

    /** The choices of a choice field, value to the words shown, in order; null for a field one types. */
    public Map<String, String> choices(TrainField f) {
        if (f == TrainField.DATASET) {
            Map<String, String> m = new LinkedHashMap<>();
            for (KnownDataset d : DatasetCatalog.all()) {
                m.put(d.name(), d.name());
            }
            return m;
        }
        return TrainInputs.choices(f);
    }

    /** Whether a field applies to the model as set: the GMVAE's and CVAE's only to theirs, and so on. */
    public BooleanBinding shown(TrainField f) {
        return switch (f) {
            case VARIANCE -> gaussian;
            default -> shown(TrainInputs.Section.of(f));
        };
    }

    /** Whether a section applies: the GMVAE start only to a GMVAE, the CVAE's prior only to a CVAE, and so on. */
    public BooleanBinding shown(TrainInputs.Section s) {
        return switch (s) {
            case GMVAE -> gmvae;
            case CVAE -> cvae;
            case VAEAC -> vaeac;
            default -> Bindings.createBooleanBinding(() -> true);
        };
    }

    /** Whether a shown field can be changed: the start's options only when there is a pre-trained start. */
    public BooleanBinding editable(TrainField f) {
        return switch (f) {
            case ARCH -> archEditable;
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
        List<Integer> d = "vaeac".equals(text(TrainField.KIND).get()) ? ModelConfig.DEFAULT_VAEAC_CHANNELS
                : "conv".equals(text(TrainField.ARCH).get()) ? ModelConfig.DEFAULT_CONV_CHANNELS : ModelConfig.DEFAULT_DENSE_HIDDEN;
        return "default " + d.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
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
                value(TrainField.SEED), LrSchedule.parse(text(TrainField.LR_SCHEDULE).get()));
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
                        text(TrainField.LAYOUT_CHOICE).get(), start && TrainInputs.NOISY.equals(objective),
                        start && TrainInputs.VAE_START.equals(objective), start ? value(TrainField.PRETRAIN_RUNS) : 1,
                        start ? decimal(TrainField.JOINT_LR).get() : null),
                cvae.get() ? text(TrainField.PRIOR).get() : null,
                !vaeac.get() ? null : new TrainOptions.Vaeac(value(TrainField.PATH), number(TrainField.PRIOR_RECON),
                        number(TrainField.HALF_MASKS)));
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

    /** The one architecture a kind allows (dense for a CVAE, conv for a VAEAC), or null when it has a choice. */
    private static String forcedArch(String kind) {
        return "cvae".equals(kind) ? "dense" : "vaeac".equals(kind) ? "conv" : null;
    }

    private void followKind(String kind) {
        StringProperty arch = text(TrainField.ARCH);
        String forced = forcedArch(kind);
        if (forced != null) {
            if (!forced.equals(arch.get())) {
                if (archBeforeForced == null) {
                    archBeforeForced = arch.get();
                }
                arch.set(forced);
            }
        } else if (archBeforeForced != null) {
            arch.set(archBeforeForced);
            archBeforeForced = null;
        }
    }

    /** The output follows the data set, kind and d until the user names another. */
    private void followSuggestion() {
        if (text(TrainField.OUTPUT) != null && text(TrainField.OUTPUT).get().equals(suggested)) {
            suggested = suggestOutput();
            text(TrainField.OUTPUT).set(suggested);
        }
    }

    private String suggestOutput() {
        return OutputNames.suggest(modelsFolder, text(TrainField.DATASET).get(), text(TrainField.KIND).get(),
                integer(TrainField.LATENT).get());
    }

    /** Sets the output from a file dialog's answer, adding the extension it may lack. */
    public void chooseOutput(Path file) {
        text(TrainField.OUTPUT).set(OutputNames.withExtension(file));
    }

    /** The file name of the output as typed, for a file dialog to suggest. */
    public String outputName() {
        return OutputNames.fileName(text(TrainField.OUTPUT).get());
    }

    /** The folder of the output as typed, for a file dialog to start in; the models folder otherwise. */
    public Path outputFolder() {
        return OutputNames.folder(text(TrainField.OUTPUT).get(), modelsFolder);
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

    /**
     * A run from this form finished: the next one is offered a fresh output beside it (NAME-2.lexb),
     * never the model just trained.
     */
    public void succeeded() {
        failure.set("");
        String out = text(TrainField.OUTPUT).get();
        String next = OutputNames.next(out);
        if (out.equals(suggested)) {
            suggested = next;
        }
        text(TrainField.OUTPUT).set(next);
    }

}
