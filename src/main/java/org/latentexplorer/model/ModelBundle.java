package org.latentexplorer.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.latentexplorer.common.AtomicFiles;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.Json;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A trained model in one file (a ZIP archive, extension {@code .lexb}): a manifest with the format
 * version, the JSON config, the SameDiff graph with its weights, the training history, evaluation
 * results, and user annotations (e.g. cluster names). Written atomically; read with checks that turn
 * a corrupt, truncated or foreign file into a message naming the file and the problem.
 */
public final class ModelBundle implements AutoCloseable {
    public static final String FORMAT = "latent-explorer-model";
    public static final int VERSION = 1;
    static final String MANIFEST = "manifest.json", CONFIG = "config.json", GRAPH = "graph.sdz",
            HISTORY = "history.json", EVALUATION = "evaluation.json", ANNOTATIONS = "annotations.json",
            WEIGHTS = "weights.bin";

    private final SameDiffModel model;
    private TrainingHistory history;
    private final Map<String, Object> evaluation;
    private final Map<String, Object> annotations;

    public ModelBundle(SameDiffModel model, TrainingHistory history, Map<String, Object> evaluation,
                       Map<String, Object> annotations) {
        this.model = model;
        this.history = history == null ? TrainingHistory.empty() : history;
        this.evaluation = new LinkedHashMap<>(evaluation == null ? Map.of() : evaluation);
        this.annotations = new LinkedHashMap<>(annotations == null ? Map.of() : annotations);
    }

    public ModelConfig config() {
        return model.config();
    }

    public SameDiffModel model() {
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

    /** Writes the bundle to {@code file}: a temporary file, then an atomic rename over the target. */
    public void save(Path file) throws IOException {
        Path graphTmp = Files.createTempFile("lexb-graph", ".sdz");
        try {
            model.graph().save(graphTmp.toFile(), false);
            AtomicFiles.write(file, out -> {
                try (ZipOutputStream zip = new ZipOutputStream(out)) {
                    putJson(zip, MANIFEST, Map.of("format", FORMAT, "version", VERSION));
                    putJson(zip, CONFIG, model.config());
                    zip.putNextEntry(new ZipEntry(GRAPH));
                    Files.copy(graphTmp, zip);
                    zip.closeEntry();
                    zip.putNextEntry(new ZipEntry(WEIGHTS));
                    WeightsFile.write(model.graph(), zip);
                    zip.closeEntry();
                    putJson(zip, HISTORY, history);
                    putJson(zip, EVALUATION, evaluation);
                    putJson(zip, ANNOTATIONS, annotations);
                }
            });
        } finally {
            Files.deleteIfExists(graphTmp);
        }
    }

    private static void putJson(ZipOutputStream zip, String name, Object value) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Json.MAPPER.writeValueAsBytes(value));
        zip.closeEntry();
    }

    /** Reads a bundle, checking the format, version, config and the graph's shapes. */
    public static ModelBundle load(Path file) {
        if (!Files.exists(file)) {
            throw new InputException(file + ": no such model file");
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, Object> manifest = readJson(zip, file, MANIFEST, new TypeReference<>() { });
            if (!FORMAT.equals(manifest.get("format"))) {
                throw new InputException(file + ": not a Latent Explorer model (manifest format is "
                        + manifest.get("format") + ")");
            }
            Object version = manifest.get("version");
            if (!(version instanceof Integer v) || v > VERSION || v < 1) {
                throw new InputException(file + ": model format version " + version + " is not supported (this "
                        + "program reads version " + VERSION + "; a newer Latent Explorer may open it)");
            }
            ModelConfig config = readJson(zip, file, CONFIG, new TypeReference<>() { });
            TrainingHistory history = readJson(zip, file, HISTORY, new TypeReference<>() { });
            Map<String, Object> evaluation = readJson(zip, file, EVALUATION, new TypeReference<>() { });
            Map<String, Object> annotations = zip.getEntry(ANNOTATIONS) == null ? Map.of()
                    : readJson(zip, file, ANNOTATIONS, new TypeReference<Map<String, Object>>() { });
            SameDiffModel model;
            ZipEntry weights = zip.getEntry(WEIGHTS);
            if (weights != null) {
                // Rebuild the graph from the config and copy the weights in: much faster than SameDiff.load.
                try {
                    model = Models.create(config, 0);
                } catch (InputException e) {
                    throw new InputException(file + ": " + e.getMessage(), e);
                }
                try (InputStream in = zip.getInputStream(weights)) {
                    WeightsFile.assign(model.graph(), WeightsFile.read(in, file.toString()), file.toString());
                }
            } else {
                model = Models.fromGraph(config, readGraph(zip, file));
            }
            checkShapes(file, config, model.graph());
            return new ModelBundle(model, history, evaluation, annotations);
        } catch (ZipException e) {
            throw new InputException(file + ": not a model bundle, or the file is truncated or corrupt ("
                    + e.getMessage() + ")", e);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": no such model file", e);
        } catch (IOException e) {
            throw new InputException(file + ": could not be read (" + e.getMessage() + ")", e);
        }
    }

    private static <T> T readJson(ZipFile zip, Path file, String name, TypeReference<T> type) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new InputException(file + ": not a Latent Explorer model (no " + name + " inside)");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            T value = Json.MAPPER.readValue(in, type);
            if (value == null) {
                throw new InputException(file + ": " + name + " is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InputException(file + ": " + name + " is not valid (" + e.getOriginalMessage() + ")", e);
        } catch (InputException e) {
            throw new InputException(file + ": " + name + ": " + e.getMessage(), e);
        }
    }

    private static SameDiff readGraph(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(GRAPH);
        if (entry == null) {
            throw new InputException(file + ": the bundle has no model graph (" + GRAPH + ")");
        }
        Path tmp = Files.createTempFile("lexb-graph", ".sdz");
        try {
            try (InputStream in = zip.getInputStream(entry)) {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            try {
                return SameDiff.load(tmp.toFile(), false);
            } catch (RuntimeException e) {
                throw new InputException(file + ": the model graph is corrupt (" + e.getMessage() + ")", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
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
