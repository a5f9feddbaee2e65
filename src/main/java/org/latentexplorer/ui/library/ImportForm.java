package org.latentexplorer.ui.library;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.model.DecoderOutput;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.model.ModelImporter;
import org.latentexplorer.train.PreviousModel;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ImportRequest;

/**
 * The "Import model" form: one text property per option of {@code latent-explorer import-model}, each
 * checked as the user types with its own message. The values are parsed by the core's own parsers
 * (shape, likelihood, decoder output), so the messages are the command line's; files and data sets are
 * checked to exist. Where the model is saved follows its name (or its encoder's) until the user picks a file.
 */
public final class ImportForm {
    /** The form's fields, named after the command-line options. */
    public enum Field {
        ENCODER("encoder"), DECODER("decoder"), INPUT_SHAPE("input-shape"), LIKELIHOOD("likelihood"),
        DECODER_OUTPUT("decoder-output"), MEAN_OUTPUT("mean-output"), LOG_VAR_OUTPUT("log-var-output"),
        LABELS("labels"), DATASET("dataset"), NAME("name"), OUT("out");

        private final String option;

        Field(String option) {
            this.option = option;
        }

        /** The command-line option, e.g. {@code --input-shape}. */
        public String option() {
            return "--" + option;
        }

        /** The option without its dashes, for node ids. */
        public String key() {
            return option;
        }
    }

    private static final String DEFAULT_STEM = "imported-model";

    private final CoreServices services;
    private final Path modelsFolder;
    private final Map<Field, StringProperty> values = new EnumMap<>(Field.class);
    private final Map<Field, ReadOnlyStringWrapper> errors = new EnumMap<>(Field.class);
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper defaultDataset = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper outNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private boolean outFollows = true, settingOut;

    /**
     * @param services     asked whether a named data set exists
     * @param modelsFolder where the model is saved unless the user says otherwise
     */
    public ImportForm(CoreServices services, Path modelsFolder) {
        this.services = services;
        this.modelsFolder = modelsFolder;
        for (Field f : Field.values()) {
            values.put(f, new SimpleStringProperty(""));
            errors.put(f, new ReadOnlyStringWrapper(null));
        }
        value(Field.INPUT_SHAPE).set("28x28x1");
        value(Field.LIKELIHOOD).set("bernoulli");
        value(Field.DECODER_OUTPUT).set("logits");
        value(Field.OUT).set(suggestedOut().toString());
        for (Field f : Field.values()) {
            value(f).addListener((o, a, b) -> changed(f));
        }
        validate();
    }

    public StringProperty value(Field f) {
        return values.get(f);
    }

    /** The message for a field that is not right as it stands, or null. */
    public ReadOnlyStringProperty error(Field f) {
        return errors.get(f).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    /** The data set the model is tried on when the data set field is left empty ("" when none is known). */
    public ReadOnlyStringProperty defaultDatasetProperty() {
        return defaultDataset.getReadOnlyProperty();
    }

    /** What saving will do to a file already at the output, or "". */
    public ReadOnlyStringProperty outNoteProperty() {
        return outNote.getReadOnlyProperty();
    }

    /** Counts the checks: it changes after every edit, once the messages are up to date. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    private void changed(Field f) {
        if (f == Field.OUT && !settingOut) {
            outFollows = false;
        }
        if ((f == Field.ENCODER || f == Field.NAME) && outFollows) {
            settingOut = true;
            value(Field.OUT).set(suggestedOut().toString());
            settingOut = false;
        }
        validate();
    }

    /** The output while the user has not chosen one: the models folder, named after the model or its encoder. */
    private Path suggestedOut() {
        String stem = slug(text(Field.NAME));
        if (stem.isEmpty()) {
            String enc = text(Field.ENCODER);
            String file = enc.isEmpty() ? "" : enc.replace('\\', '/').substring(enc.replace('\\', '/').lastIndexOf('/') + 1);
            int dot = file.lastIndexOf('.');
            stem = slug((dot > 0 ? file.substring(0, dot) : file).replaceAll("(?i)[-_. ]?encoder$", ""));
        }
        return modelsFolder.resolve((stem.isEmpty() ? DEFAULT_STEM : stem) + ".lexb");
    }

    /** Letters, digits, '-', '_' and '.'; anything else becomes '-'. */
    private static String slug(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '-');
        }
        return b.toString().replaceAll("-{2,}", "-").replaceAll("^[-.]+|[-.]+$", "");
    }

    /** The field's text without surrounding blanks ("" for none). */
    public String text(Field f) {
        String v = values.get(f).get();
        return v == null ? "" : v.strip();
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    /** Checks every field; sets the messages and {@link #validProperty()}, then tells {@link #revisionProperty()}. */
    public boolean validate() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        build(found);
        for (Field f : Field.values()) {
            errors.get(f).set(found.get(f));
        }
        valid.set(found.isEmpty());
        revision.set(revision.get() + 1);
        return found.isEmpty();
    }

    /** The request the fields describe, or null when a field is not right (its message is then set). */
    public ImportRequest request() {
        Map<Field, String> found = new EnumMap<>(Field.class);
        ImportRequest r = build(found);
        if (r == null) {
            validate();
        }
        return r;
    }

    private ImportRequest build(Map<Field, String> found) {
        Path encoder = onnxFile(Field.ENCODER, "encoder", found);
        Path decoder = onnxFile(Field.DECODER, "decoder", found);
        ImageShape shape = null;
        try {
            shape = ModelImporter.parseInputShape(text(Field.INPUT_SHAPE));
        } catch (InputException e) {
            found.put(Field.INPUT_SHAPE, e.getMessage());
        }
        Likelihood likelihood = null;
        try {
            likelihood = Likelihood.parse(text(Field.LIKELIHOOD));
        } catch (InputException e) {
            found.put(Field.LIKELIHOOD, e.getMessage());
        }
        DecoderOutput output = null;
        try {
            output = DecoderOutput.parse(text(Field.DECODER_OUTPUT));
            if (likelihood != null) {
                ModelImporter.checkDecoderOutput(likelihood, output);
            }
        } catch (InputException e) {
            found.put(Field.DECODER_OUTPUT, e.getMessage());
        }
        String mean = text(Field.MEAN_OUTPUT), logVar = text(Field.LOG_VAR_OUTPUT);
        if (mean.isEmpty() != logVar.isEmpty()) {
            found.put(mean.isEmpty() ? Field.MEAN_OUTPUT : Field.LOG_VAR_OUTPUT, "name both the mean and the "
                    + "log-variance output, or neither to take the encoder's first two outputs");
        }
        String labels = text(Field.LABELS);
        String labelsData = DatasetCatalog.find(labels).map(k -> k.name()).orElse("");
        if (!labels.isEmpty() && labelsData.isEmpty() && !isFile(labels)) {
            // One line under the field: the known names are in the field's tooltip.
            found.put(Field.LABELS, "'" + labels + "' is neither a known data set nor a file of class names");
        }
        String fallback = !labelsData.isEmpty() ? labelsData : shape == null ? "" : orEmpty(ModelImporter.defaultDataset(shape));
        defaultDataset.set(fallback);
        String dataset = text(Field.DATASET);
        if (dataset.isEmpty() && fallback.isEmpty() && shape != null) {
            found.put(Field.DATASET, "no data set of " + shape + " images is known: name one to try the model on "
                    + "(a data set name, or a folder or file of images)");
        } else if (!dataset.isEmpty() && !services.knowsDataset(dataset)) {
            found.put(Field.DATASET, "'" + dataset + "' is neither a data set name nor an existing file or folder");
        }
        Path out = null;
        String outText = text(Field.OUT);
        outNote.set("");
        if (outText.isEmpty()) {
            found.put(Field.OUT, "say where to save the model (a .lexb file)");
        } else if (!outText.endsWith(".lexb")) {
            found.put(Field.OUT, "the model file must end in .lexb, got '" + outText + "'");
        } else {
            try {
                out = Path.of(outText);
                if (Files.isDirectory(out)) {
                    found.put(Field.OUT, outText + " is a folder; give a file name inside it");
                } else if (Files.exists(out)) {
                    outNote.set(out.getFileName() + " exists: saving replaces it and keeps a copy as "
                            + PreviousModel.backupOf(out).getFileName());
                }
            } catch (InvalidPathException e) {
                found.put(Field.OUT, "'" + outText + "' is not a file name here (" + e.getReason() + ")");
            }
        }
        if (!found.isEmpty()) {
            return null;
        }
        var pair = new ModelImporter.Request(encoder, decoder, shape, likelihood, output, blankToNull(mean),
                blankToNull(logVar), "", List.of(), blankToNull(text(Field.NAME)));
        return new ImportRequest(pair, labels, text(Field.DATASET), commandLine());
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static boolean isFile(String text) {
        try {
            return Files.isRegularFile(Path.of(text));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private Path onnxFile(Field f, String role, Map<Field, String> found) {
        String t = text(f);
        if (t.isEmpty()) {
            found.put(f, "choose the " + role + "'s ONNX file");
            return null;
        }
        try {
            Path p = Path.of(t);
            if (Files.isDirectory(p)) {
                found.put(f, t + " is a folder; choose the " + role + "'s .onnx file in it");
            } else if (!Files.isRegularFile(p)) {
                found.put(f, "no such file: " + t);
            } else if (!Files.isReadable(p)) {
                found.put(f, t + " cannot be read (permission denied)");
            }
            return p;
        } catch (InvalidPathException e) {
            found.put(f, "'" + t + "' is not a file name here (" + e.getReason() + ")");
            return null;
        }
    }

    /** The fields a preview depends on: all but where the model is saved. */
    public Map<Field, String> fields() {
        Map<Field, String> m = new EnumMap<>(Field.class);
        for (Field f : Field.values()) {
            if (f != Field.OUT) {
                m.put(f, text(f));
            }
        }
        return m;
    }

    /** The same import on the command line, stored in the bundle as the command line's own is. */
    public String commandLine() {
        StringBuilder b = new StringBuilder("latent-explorer import-model");
        for (Field f : Field.values()) {
            String v = text(f);
            if (!v.isEmpty()) {
                b.append(' ').append(f.option()).append(' ').append(quoted(v));
            }
        }
        return b.toString();
    }

    /** Single-quoted for a POSIX shell when it holds anything but plain path characters. */
    private static String quoted(String v) {
        return v.matches("[A-Za-z0-9_./:@%+=,-]+") ? v : "'" + v.replace("'", "'\\''") + "'";
    }
}
