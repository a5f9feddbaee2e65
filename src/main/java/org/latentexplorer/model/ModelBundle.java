package org.latentexplorer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.FileFingerprint;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.Json;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A trained model in one file (a ZIP archive, extension {@code .lexb}): a manifest with the format
 * version, the JSON config, the weights by name (or, for a model imported from ONNX, its encoder and
 * decoder graphs as they were exported), the training history, evaluation results, and user
 * annotations (e.g. cluster names). Loading rebuilds the network from the config and copies the weights
 * in. Version 2 added imported models; version 3 stopped writing the SameDiff graph ({@code graph.sdz}),
 * which held every weight a second time; bundles of versions 1 and 2 open as before, from
 * {@code weights.bin} when they have it, else from their graph. Written atomically; read with checks that turn
 * a corrupt, truncated or foreign file into a message naming the file and the problem.
 */
public final class ModelBundle implements AutoCloseable {
    public static final String FORMAT = "latent-explorer-model";
    public static final int VERSION = 3;
    static final String MANIFEST = "manifest.json", CONFIG = "config.json", GRAPH = "graph.sdz",
            HISTORY = "history.json", EVALUATION = "evaluation.json", ANNOTATIONS = "annotations.json",
            WEIGHTS = "weights.bin", ENCODER_ONNX = "encoder.onnx", DECODER_ONNX = "decoder.onnx";

    /** Caps on what one entry may inflate to: the config and manifest are small; history grows each epoch. */
    static final long SMALL_JSON = 1L << 20, LARGE_JSON = 16L << 20;
    /** The largest weights file a model within {@link ModelLimits} needs, with room for its names. */
    static final long WEIGHTS_CAP = 4 * ModelLimits.MAX_VALUES + (8L << 20);
    /** What SameDiff's graph file holds beyond the float32 values of its arrays. */
    static final long GRAPH_SLACK = 16L << 20;

    private final LatentModel model;
    private TrainingHistory history;
    /** The file this bundle was read from or last written to, and what it was then (see {@link #save}). */
    private Path source;
    private FileFingerprint sourceState;
    private final Map<String, Object> evaluation;
    private final Map<String, Object> annotations;

    /** {@code model}: one of the project's SameDiff models, or an {@link ImportedVae}. */
    public ModelBundle(LatentModel model, TrainingHistory history, Map<String, Object> evaluation,
                       Map<String, Object> annotations) {
        if (!(model instanceof SameDiffModel) && !(model instanceof ImportedVae)) {
            throw new IllegalArgumentException("a bundle holds a SameDiff or an imported model, not " + model.getClass());
        }
        this.model = model;
        this.history = history == null ? TrainingHistory.empty() : history;
        this.evaluation = new LinkedHashMap<>(evaluation == null ? Map.of() : evaluation);
        this.annotations = new LinkedHashMap<>(annotations == null ? Map.of() : annotations);
    }

    public ModelConfig config() {
        return model.config();
    }

    public LatentModel model() {
        return model;
    }

    public TrainingHistory history() {
        return history;
    }

    public void setHistory(TrainingHistory history) {
        this.history = history;
    }

    /** Evaluation results by name (e.g. {@code test} → its figures); mutable, saved with the bundle. */
    public Map<String, Object> evaluation() {
        return evaluation;
    }

    /** User annotations (cluster names, notes); mutable, saved with the bundle. */
    public Map<String, Object> annotations() {
        return annotations;
    }

    /**
     * Writes the bundle to {@code file}: a temporary file, then an atomic rename over the target. When
     * {@code file} is the one this bundle was loaded from or last saved to and another program has
     * written it since (a training run, {@code eval --save}, a window), the save is refused with an
     * {@link InputException} and the file is left as that program wrote it: the last writer must not
     * silently put an older model back.
     */
    public synchronized void save(Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        FileFingerprint[] written = new FileFingerprint[1];
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                putJson(zip, MANIFEST, Map.of("format", FORMAT, "version", VERSION));
                putJson(zip, CONFIG, model.config());
                if (model instanceof SameDiffModel m) {
                    // The weights alone: the network is rebuilt from the config when the bundle is read.
                    zip.putNextEntry(new ZipEntry(WEIGHTS));
                    WeightsFile.write(m.graph(), zip);
                    zip.closeEntry();
                } else {
                    ImportedVae imported = (ImportedVae) model;
                    zip.putNextEntry(new ZipEntry(ENCODER_ONNX));
                    zip.write(imported.encoderBytes());
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(DECODER_ONNX));
                    zip.write(imported.decoderBytes());
                    zip.closeEntry();
                }
                putJson(zip, HISTORY, history);
                putJson(zip, EVALUATION, evaluation);
                putJson(zip, ANNOTATIONS, annotations);
            }
        }, tmp -> {
            checkUnchanged(file, target);
            written[0] = FileFingerprint.of(tmp); // a rename keeps size, time and content
        });
        source = target;
        sourceState = written[0];
    }

    private void checkUnchanged(Path file, Path target) throws IOException {
        if (!target.equals(source)) {
            return;
        }
        FileFingerprint now = FileFingerprint.of(target);
        if (now != null && !now.equals(sourceState)) {
            throw new InputException(file + ": the file has changed since this program read it (another command or "
                    + "window, e.g. a training run, has written it); not overwriting it, so that its work is kept. "
                    + "Open the file again and repeat, or save under another name.");
        }
    }

    private static void putJson(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Json.MAPPER.writeValueAsBytes(value));
        zip.closeEntry();
    }

    /**
     * Reads a bundle, checking the format, version, config and the graph's shapes. Every check that
     * bounds memory comes before the allocation it bounds: the config against {@link ModelLimits}, each
     * ZIP entry against a size cap while it inflates (see {@link BundleZip}), the weights' declared
     * names and shapes against the config, and only then the graph is built. Each entry's CRC-32 is
     * checked. Anything wrong becomes one {@link InputException} naming the file and the problem.
     */
    public static ModelBundle load(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such model file");
        }
        if (SWEPT.compareAndSet(false, true)) {
            sweepStaleTempFiles();
        }
        try {
            FileFingerprint before = FileFingerprint.of(file);
            ModelBundle bundle = read(file);
            if (!Objects.equals(before, FileFingerprint.of(file))) {
                bundle.close();
                throw new InputException(file + ": the file changed while it was being read (is a training run "
                        + "writing it?); open it again");
            }
            bundle.source = file.toAbsolutePath().normalize();
            bundle.sourceState = before;
            return bundle;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * The config of the bundle at {@code file}, read without its graph or weights: the manifest and
     * {@code config.json} only, under the same size caps and checks as {@link #load}, so that a list of
     * candidate models costs a few kilobytes per file. A damaged or foreign file fails with an
     * {@link InputException} naming it, as {@link #load} does.
     */
    public static ModelConfig readConfig(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such model file");
        }
        try (BundleZip zip = new BundleZip(file)) {
            ModelConfig config = readManifestAndConfig(zip, file);
            withFile(file, () -> ModelLimits.check(config));
            return config;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /** A ZIP or file-system failure as the message {@link #load} and {@link #readConfig} give. */
    private static InputException unreadable(Path file, IOException e) {
        if (e instanceof ZipException) {
            return new InputException(file + ": not a model bundle, or the file is truncated or corrupt ("
                    + e.getMessage() + ")", e);
        }
        if (e instanceof NoSuchFileException) {
            return new InputException(file + ": no such model file", e);
        }
        return new InputException(file + ": could not be read (" + e.getMessage() + ")", e);
    }

    private static ModelConfig readManifestAndConfig(BundleZip zip, Path file) throws IOException {
        Map<String, Object> manifest = readJson(zip, file, MANIFEST, SMALL_JSON, new TypeReference<>() { });
        if (!FORMAT.equals(manifest.get("format"))) {
            throw new InputException(file + ": not a Latent Explorer model (manifest format is "
                    + manifest.get("format") + ")");
        }
        Object version = manifest.get("version");
        if (!(version instanceof Integer v) || v > VERSION || v < 1) {
            throw new InputException(file + ": model format version " + version + " is not supported (this "
                    + "program reads version " + VERSION + "; a newer Latent Explorer may open it)");
        }
        return readJson(zip, file, CONFIG, SMALL_JSON, new TypeReference<>() { });
    }

    private static ModelBundle read(Path file) throws IOException {
        try (BundleZip zip = new BundleZip(file)) {
            ModelConfig config = readManifestAndConfig(zip, file);
            ModelShapes shapes = withFile(file, () -> ModelLimits.check(config));
            TrainingHistory history = readJson(zip, file, HISTORY, LARGE_JSON, new TypeReference<>() { });
            Map<String, Object> evaluation = readJson(zip, file, EVALUATION, LARGE_JSON, new TypeReference<>() { });
            Map<String, Object> annotations = !zip.has(ANNOTATIONS) ? Map.of()
                    : readJson(zip, file, ANNOTATIONS, LARGE_JSON, new TypeReference<Map<String, Object>>() { });
            if (ImportedVae.ARCH.equals(config.arch())) {
                byte[] encoder = zip.read(ENCODER_ONNX, ModelLimits.MAX_ONNX_BYTES);
                byte[] decoder = zip.read(DECODER_ONNX, ModelLimits.MAX_ONNX_BYTES);
                ImportedVae imported = ImportedVae.open(config, encoder, file + " (" + ENCODER_ONNX + ")", decoder,
                        file + " (" + DECODER_ONNX + ")", file.toString());
                return new ModelBundle(imported, history, evaluation, annotations);
            }
            long graphCap = 4 * (shapes.parameters() + shapes.constants()) + GRAPH_SLACK;
            SameDiffModel model;
            if (zip.has(WEIGHTS)) {
                Map<String, long[]> declared;
                try (InputStream in = zip.open(WEIGHTS, WEIGHTS_CAP)) {
                    declared = WeightsFile.readShapes(in, file.toString());
                }
                compare(file, shapes.weights(), declared);
                if (zip.has(GRAPH)) {
                    zip.verify(GRAPH, graphCap); // unused here, but a damaged entry is reported all the same
                }
                // Rebuild the graph from the config and copy the weights in: much faster than SameDiff's loader.
                model = withFile(file, () -> Models.create(config, 0));
                try (InputStream in = zip.open(WEIGHTS, WEIGHTS_CAP)) {
                    WeightsFile.assign(model.graph(), in, file.toString());
                } catch (IOException | RuntimeException e) {
                    model.close();
                    throw e;
                }
            } else {
                model = Models.fromGraph(config, readGraph(zip, file, graphCap));
            }
            try {
                checkShapes(file, config, model.graph());
            } catch (RuntimeException e) {
                model.close();
                throw e;
            }
            return new ModelBundle(model, history, evaluation, annotations);
        }
    }

    /** The weights file must hold exactly the arrays the config describes, each in its shape. */
    private static void compare(Path file, Map<String, long[]> expected, Map<String, long[]> declared) {
        for (var e : expected.entrySet()) {
            long[] shape = declared.get(e.getKey());
            if (shape == null) {
                throw new InputException(file + ": weight " + e.getKey() + " is missing");
            }
            if (!Arrays.equals(shape, e.getValue())) {
                throw new InputException(file + ": weight " + e.getKey() + " has shape " + Arrays.toString(shape)
                        + " but the config describes " + Arrays.toString(e.getValue()));
            }
        }
        for (String name : declared.keySet()) {
            if (!expected.containsKey(name)) {
                throw new InputException(file + ": the bundle holds a weight " + name + " that its config does not "
                        + "describe");
            }
        }
    }

    private static <T> T withFile(Path file, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InputException e) {
            throw new InputException(file + ": " + e.getMessage(), e);
        }
    }

    private static <T> T readJson(BundleZip zip, Path file, String name, long cap, TypeReference<T> type)
            throws IOException {
        byte[] bytes = zip.read(name, cap);
        try {
            T value = Json.MAPPER.readValue(bytes, type);
            if (value == null) {
                throw new InputException(file + ": " + name + " is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            if (e.getCause() instanceof InputException bad) { // a record's own check, e.g. a hidden size
                throw new InputException(file + ": " + name + ": " + bad.getMessage(), e);
            }
            throw new InputException(file + ": " + name + " is not valid (" + e.getOriginalMessage() + ")", e);
        } catch (InputException e) {
            throw new InputException(file + ": " + name + ": " + e.getMessage(), e);
        }
    }

    /** Bundles written before {@code weights.bin} existed: SameDiff's own format, parsed from memory. */
    private static SameDiff readGraph(BundleZip zip, Path file, long cap) throws IOException {
        if (!zip.has(GRAPH)) {
            throw new InputException(file + ": the bundle has no weights (" + WEIGHTS + ")");
        }
        byte[] bytes = zip.read(GRAPH, cap);
        try {
            // What SameDiff.load(File) does after reading the file, without its temporary copy.
            return SameDiff.fromFlatBuffers(ByteBuffer.wrap(bytes), false);
        } catch (RuntimeException e) {
            throw new InputException(file + ": the model graph is corrupt (" + e.getMessage() + ")", e);
        }
    }

    private static final java.util.concurrent.atomic.AtomicBoolean SWEPT = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Earlier versions copied the graph to {@code lexb-graph*.sdz} in the temporary folder and left it
     * there when killed; the first load of a session removes those more than an hour old.
     */
    private static void sweepStaleTempFiles() {
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (var old = Files.newDirectoryStream(Path.of(System.getProperty("java.io.tmpdir")), "lexb-graph*.sdz")) {
            for (Path p : old) {
                if (Files.isRegularFile(p) && Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // tidying only: a folder we cannot list or a file we cannot delete is not the user's problem
        }
    }

    /** The graph must agree with the config: input width, latent width, and finite weights. */
    private static void checkShapes(Path file, ModelConfig config, SameDiff sd) {
        SDVariable x = sd.getVariable(SameDiffVae.X);
        SDVariable z = sd.getVariable(SameDiffVae.Z_IN);
        if (x == null || z == null) {
            throw new InputException(file + ": the model graph has no input or code placeholder");
        }
        long[] xs = x.placeholderShape();
        long[] zs = z.placeholderShape();
        if (xs == null || xs[xs.length - 1] != config.inputShape().size()) {
            throw new InputException(file + ": the graph takes inputs of " + (xs == null ? "?" : xs[xs.length - 1])
                    + " values but the config says " + config.inputShape());
        }
        if (zs == null || zs[zs.length - 1] != config.latentDim()) {
            throw new InputException(file + ": the graph's code has " + (zs == null ? "?" : zs[zs.length - 1])
                    + " dimensions but the config says " + config.latentDim());
        }
        for (SDVariable v : sd.variables()) {
            if (v.getVariableType() == org.nd4j.autodiff.samediff.VariableType.VARIABLE) {
                var arr = v.getArr();
                if (arr == null) {
                    throw new InputException(file + ": weight " + v.name() + " is missing");
                }
                if (arr.isInfinite().any() || arr.isNaN().any()) {
                    throw new InputException(file + ": weight " + v.name() + " holds NaN or infinite values");
                }
            }
        }
    }

    @Override
    public void close() {
        model.close();
    }
}
