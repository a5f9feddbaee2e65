package org.latentexplorer.ui.training;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.ui.services.TrainRequest;

/**
 * The training dialog's fields, one text property per command-line option, validated as the user
 * types: each field is parsed on its own, then the core's records check the values together, so the
 * messages are the ones the command line prints.
 */
public final class TrainFormViewModel {
    /** Field keys, named after the command-line options. */
    public static final List<String> FIELDS = List.of("data", "kind", "arch", "latent", "hidden", "likelihood",
            "clusters", "pretrain", "start", "epochs", "batch", "lr", "weight-decay", "beta", "warmup", "validation", "patience",
            "binarize", "seed", "out");

    /**
     * Choices of the GMVAE's {@code start} field, what its pre-training optimises; on the command line: no
     * flag, {@code --pretrain-noise}, {@code --pretrain-vae}.
     */
    public static final List<String> STARTS = List.of("autoencoder", "noisy autoencoder", "vae");
    /** Fields whose command-line option has another name than the field. */
    private static final Map<String, String> OPTIONS = Map.of("data", "dataset", "kind", "model");

    /** The command-line option of a field, e.g. {@code --dataset} for {@code data}. */
    public static String option(String field) {
        return "--" + OPTIONS.getOrDefault(field, field);
    }

    /** Fields that only a GMVAE has. */
    private static final List<String> GMVAE_ONLY = List.of("clusters", "pretrain", "start");

    private final Map<String, StringProperty> values = new LinkedHashMap<>();
    private final Map<String, StringProperty> errors = new LinkedHashMap<>();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);

    public TrainFormViewModel(String dataset, Path modelsFolder) {
        TrainConfig t = TrainConfig.defaults();
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("data", dataset == null || dataset.isEmpty() ? "mnist" : dataset);
        defaults.put("kind", "vae");
        defaults.put("arch", "dense");
        defaults.put("latent", "2");
        defaults.put("hidden", "512,256");
        defaults.put("likelihood", "bernoulli");
        defaults.put("clusters", "10");
        defaults.put("pretrain", String.valueOf(org.latentexplorer.model.SameDiffGmvae.DEFAULT_PRETRAIN_EPOCHS));
        defaults.put("start", STARTS.get(0));
        defaults.put("epochs", String.valueOf(t.epochs()));
        defaults.put("batch", String.valueOf(t.batchSize()));
        defaults.put("lr", String.valueOf(t.learningRate()));
        defaults.put("weight-decay", String.valueOf(t.weightDecay()));
        defaults.put("beta", String.valueOf(t.beta()));
        defaults.put("warmup", String.valueOf(t.warmupEpochs()));
        defaults.put("validation", String.valueOf(t.validationSplit()));
        defaults.put("patience", String.valueOf(t.patience()));
        defaults.put("binarize", t.binarization().toString());
        defaults.put("seed", String.valueOf(t.seed()));
        defaults.put("out", modelsFolder.resolve("my-model.lexb").toString());
        for (String f : FIELDS) {
            values.put(f, new SimpleStringProperty(defaults.get(f)));
            errors.put(f, new SimpleStringProperty(null));
            values.get(f).addListener((o, a, b) -> validate());
        }
        validate();
    }

    public StringProperty value(String field) {
        return values.get(field);
    }

    /** The message for an invalid field, or null. */
    public StringProperty error(String field) {
        return errors.get(field);
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    /** Checks every field; sets the messages and {@link #validProperty()}. */
    public boolean validate() {
        Map<String, String> found = new LinkedHashMap<>();
        try {
            build(found);
        } catch (InputException e) {
            found.putIfAbsent(fieldOf(e.getMessage()), e.getMessage());
        }
        for (String f : FIELDS) {
            errors.get(f).set(found.get(f));
        }
        valid.set(found.isEmpty());
        return found.isEmpty();
    }

    /** The request, or an InputException naming the first bad field. */
    public TrainRequest toRequest() {
        Map<String, String> found = new LinkedHashMap<>();
        TrainRequest r = build(found);
        if (!found.isEmpty()) {
            throw new InputException(found.values().iterator().next());
        }
        return r;
    }

    private static String fieldOf(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (String f : FIELDS) {
            if (m.contains("--" + f + " ")) {
                return f;
            }
        }
        if (m.contains("latent")) {
            return "latent";
        }
        if (m.contains("hidden")) {
            return "hidden";
        }
        if (m.contains("likelihood") || m.contains("variance")) {
            return "likelihood";
        }
        if (m.contains("kind")) {
            return "kind";
        }
        if (m.contains("architecture")) {
            return "arch";
        }
        return "epochs";
    }

    private String text(String f) {
        String v = values.get(f).get();
        return v == null ? "" : v.trim();
    }

    private Integer integer(String f, Map<String, String> found) {
        try {
            return Integer.parseInt(text(f));
        } catch (NumberFormatException e) {
            found.put(f, "--" + f + " must be a whole number, got '" + text(f) + "'");
            return null;
        }
    }

    private Double number(String f, Map<String, String> found) {
        try {
            double d = Double.parseDouble(text(f));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            found.put(f, "--" + f + " must be a number, got '" + text(f) + "'");
            return null;
        }
    }

    private TrainRequest build(Map<String, String> found) {
        if (text("data").isEmpty()) {
            found.put("data", "--dataset: name a data set (mnist, fashion-mnist) or a file or folder");
        }
        if (!text("out").endsWith(".lexb")) {
            found.put("out", "--out must be a .lexb file, got '" + text("out") + "'");
        }
        Integer latent = integer("latent", found);
        Integer clusters = integer("clusters", found);
        Integer pretrain = "gmvae".equals(text("kind")) ? integer("pretrain", found) : null;
        List<Integer> hidden = new ArrayList<>();
        try {
            for (String h : text("hidden").split(",")) {
                if (!h.isBlank()) {
                    hidden.add(Integer.parseInt(h.trim()));
                }
            }
        } catch (NumberFormatException e) {
            found.put("hidden", "--hidden must be sizes separated by commas, e.g. 512,256; got '" + text("hidden") + "'");
        }
        Integer epochs = integer("epochs", found);
        Integer batch = integer("batch", found);
        Double lr = number("lr", found);
        Double wd = number("weight-decay", found);
        Double beta = number("beta", found);
        Integer warmup = integer("warmup", found);
        Double validation = number("validation", found);
        Integer patience = integer("patience", found);
        Long seed = null;
        try {
            seed = Long.parseLong(text("seed"));
        } catch (NumberFormatException e) {
            found.put("seed", "--seed must be a whole number, got '" + text("seed") + "'");
        }
        Binarization bin = null;
        try {
            bin = Binarization.parse(text("binarize"));
        } catch (InputException e) {
            found.put("binarize", e.getMessage());
        }
        Likelihood likelihood = null;
        try {
            likelihood = Likelihood.parse(text("likelihood"));
        } catch (InputException e) {
            found.put("likelihood", e.getMessage());
        }
        if (pretrain != null && (pretrain < 0 || pretrain > 10_000)) {
            found.put("pretrain", "--pretrain must be between 0 and 10000 epochs, got " + pretrain);
        }
        if ("gmvae".equals(text("kind")) && pretrain != null && !found.containsKey("pretrain")) {
            try {
                org.latentexplorer.model.SameDiffGmvae.checkStart(text("arch"), pretrain);   // dense only
            } catch (InputException e) {
                found.put("pretrain", e.getMessage());
            }
        }
        boolean noise = text("start").equals(STARTS.get(1)), vae = text("start").equals(STARTS.get(2));
        if ("gmvae".equals(text("kind"))) {
            if (!STARTS.contains(text("start"))) {
                found.put("start", "--start must be autoencoder, noisy autoencoder or vae, got '" + text("start") + "'");
            } else if (pretrain != null && !found.containsKey("pretrain")) {
                try {
                    org.latentexplorer.model.SameDiffGmvae.checkPretrainObjective(noise, vae, pretrain);
                } catch (InputException e) {
                    found.put("start", e.getMessage());
                }
            }
        }
        if (clusters != null && (clusters < 2 || clusters > 1000)) {
            found.put("clusters", "--clusters must be between 2 and 1000, got " + clusters);
        }
        ModelConfig model = null;
        if (latent != null && likelihood != null && !found.containsKey("hidden")) {
            try {
                // A GMVAE starts from the VaDE/N2D start of the command line (train.GmvaeInit).
                Map<String, Object> extra = "gmvae".equals(text("kind")) && clusters != null && pretrain != null
                        ? Map.of("clusters", clusters, org.latentexplorer.model.SameDiffGmvae.PRETRAIN_EPOCHS, pretrain,
                        org.latentexplorer.model.SameDiffGmvae.PRETRAIN_NOISE, noise,
                        org.latentexplorer.model.SameDiffGmvae.PRETRAIN_VAE, vae)
                        : Map.of();
                // The input shape is a placeholder here: the trainer takes it from the data set.
                model = new ModelConfig(text("kind"), text("arch"), ImageShape.grey(28, 28), latent, hidden, likelihood,
                        "unit", text("data"), List.of(), extra);
            } catch (InputException e) {
                found.put(fieldOf(e.getMessage()), e.getMessage());
            }
        }
        TrainConfig train = null;
        if (epochs != null && batch != null && lr != null && wd != null && beta != null && warmup != null
                && validation != null && patience != null && seed != null && bin != null) {
            try {
                train = new TrainConfig(epochs, batch, lr, wd, beta, warmup, validation, patience, bin, seed);
            } catch (InputException e) {
                found.put(fieldOf(e.getMessage()), e.getMessage());
            }
        }
        if (!found.isEmpty()) {
            return null;
        }
        return new TrainRequest(model, text("data"), "train", train, Path.of(text("out")), commandLine());
    }

    /**
     * The equivalent command line, stored in the bundle's history: the form's fields under their options'
     * names, so that it runs as it stands.
     */
    public String commandLine() {
        StringBuilder b = new StringBuilder("latent-explorer train");
        for (String f : FIELDS) {
            if (GMVAE_ONLY.contains(f) && !"gmvae".equals(text("kind"))) {
                continue;
            }
            if (f.equals("start")) {
                // The command line has flags, not a value, for the start's objective.
                String start = text(f);
                b.append(start.equals(STARTS.get(1)) ? " --pretrain-noise" : start.equals(STARTS.get(2)) ? " --pretrain-vae" : "");
                continue;
            }
            b.append(' ').append(option(f)).append(' ').append(text(f));
        }
        return b.toString();
    }
}
