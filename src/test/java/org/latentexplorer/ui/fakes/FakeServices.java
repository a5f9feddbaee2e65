package org.latentexplorer.ui.fakes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.model.ModelImporter;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.train.EpochStats;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.ui.services.CoreServices;
import org.latentexplorer.ui.services.ImportPreview;
import org.latentexplorer.ui.services.ImportRequest;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.Pca;
import org.latentexplorer.ui.services.Projection;
import org.latentexplorer.ui.services.ProjectionListener;
import org.latentexplorer.ui.services.ProjectionSpec;
import org.latentexplorer.ui.services.TrainRequest;
import org.latentexplorer.ui.tasks.Work;

/**
 * Services over {@link FakeModel}: a "bundle" is a text file {@code FAKE d=N}; anything else is
 * rejected the way a real bundle reader would. Data sets: {@code synthetic} (28×28 blobs),
 * {@code small} (14×14, does not fit), {@code empty} (no images).
 */
public final class FakeServices implements CoreServices {
    public Path defaultModel;
    public int datasetSize = 500;
    /** The finished t-SNE layout's caption (a test of the toolbar gives it the real one's length). */
    public String tsneCaption = "fake, 3 iterations";

    private static final String VAEAC = "FAKE vaeac d=";

    /** A "bundle" that opens as a real, untrained VAEAC of latent dimension d on 28×28 images. */
    public static Path writeVaeacBundle(Path file, int d) {
        try {
            Files.writeString(file, VAEAC + d);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A "bundle" that opens as a real, untrained VAEAC on {@code side}×{@code side} images (a wrong shape for the rest). */
    public static Path writeVaeacBundle(Path file, int d, int side) {
        try {
            Files.writeString(file, VAEAC + d + " side=" + side);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Configs read without opening a model, as {@link #modelConfig} answered them (in order). */
    public final List<Path> configsRead = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public org.latentexplorer.model.ModelConfig modelConfig(Path path) {
        configsRead.add(path);
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new InputException(path + ": cannot read the file (" + e.getMessage() + ")");
        }
        if (text.startsWith(VAEAC)) {
            return vaeacConfig(text);
        }
        if (!text.startsWith("FAKE d=")) {
            throw new InputException(path + ": not a Latent Explorer model bundle (no bundle header at byte 0)");
        }
        return new FakeModel(Integer.parseInt(text.substring(7).trim())).config();
    }

    private static org.latentexplorer.model.ModelConfig vaeacConfig(String text) {
        String[] parts = text.substring(VAEAC.length()).trim().split("\\s+side=");
        ImageShape shape = parts.length > 1 ? ImageShape.grey(Integer.parseInt(parts[1].trim()),
                Integer.parseInt(parts[1].trim())) : FakeModel.SHAPE;
        return org.latentexplorer.model.SameDiffVaeac.config(shape, Integer.parseInt(parts[0].trim()), List.of(4, 8), null)
                .withDataset("synthetic", FakeData.LABELS);
    }

    public static Path writeBundle(Path file, int d) {
        try {
            Files.writeString(file, "FAKE d=" + d);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every handle {@link #openModel} gave out, in order (tests check that each is closed in the end). */
    public final List<ModelHandle> opened = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public ModelHandle openModel(Path path) {
        ModelHandle h = open(path);
        opened.add(h);
        return h;
    }

    private ModelHandle open(Path path) {
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException | RuntimeException e) {
            throw new InputException(path + ": cannot read the file (" + e.getMessage() + ")");
        }
        if (text.startsWith(VAEAC)) { // a real, untrained VAEAC: the screens must treat it as one
            org.latentexplorer.model.LatentModel v = org.latentexplorer.model.Models.create(vaeacConfig(text), 1);
            ModelHandle h = new ModelHandle(path, v, TrainingHistory.empty(), Map.of(), v);
            models.put(h, v);
            return h;
        }
        if (!text.startsWith("FAKE d=")) {
            throw new InputException(path + ": not a Latent Explorer model bundle (no bundle header at byte 0)");
        }
        FakeModel m = new FakeModel(Integer.parseInt(text.substring(7).trim()));
        ModelHandle h = new ModelHandle(path, m, TrainingHistory.empty(), Map.of(), m);
        models.put(h, m);
        return h;
    }

    @Override
    public Dataset loadDataset(String nameOrPath, String split) {
        return switch (nameOrPath) {
            case "synthetic" -> FakeData.blobs(datasetSize, 7);
            case "small" -> FakeData.blobs("small", 50, ImageShape.grey(14, 14), 7);
            case "empty" -> throw new InputException("empty: the folder has no images (looked for .png, .jpg, .pgm)");
            default -> throw new InputException(nameOrPath + ": no such data set or file");
        };
    }

    @Override
    public Optional<Path> defaultModel() {
        return Optional.ofNullable(defaultModel);
    }

    @Override
    public ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel) {
        loadDataset(request.dataset(), request.options().data().split()); // a missing data set fails as in the app
        int steps = 20;
        for (int e = 0; e < request.train().epochs(); e++) {
            for (int i = 0; i < steps; i++) {
                cancel.check();
                double loss = 200.0 / (1 + e * steps + i);
                listener.onIteration(e, e * steps + i, steps, loss, Map.of("recon", loss * 0.9, "kl", loss * 0.1), 5000);
            }
            listener.onEpoch(new EpochStats(e, 150, Map.of("recon", 140.0, "kl", 10.0), 160, Map.of("recon", 148.0,
                    "kl", 12.0), 5000, 0.1));
        }
        writeBundle(request.output(), request.options().network().latent());
        return openModel(request.output());
    }

    @Override
    public List<String> projectionMethods() {
        return List.of(ProjectionSpec.PCA, ProjectionSpec.TSNE);
    }

    /** t-SNE's fake layouts grow tenfold at each report (to test that the map keeps them in frame). */
    public boolean growingTsne;
    /** The last projection asked for. */
    public volatile ProjectionSpec lastSpec;

    private static float[] scaled(float[] v, float k) {
        float[] out = v.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= k;
        }
        return out;
    }

    @Override
    public Projection project(float[][] codes, ProjectionSpec spec, ProjectionListener listener, CancelToken cancel) {
        lastSpec = spec;
        Projection p = Pca.project(codes);
        if (spec.method().equals(ProjectionSpec.TSNE)) {
            float[] x = p.x(), y = p.y();
            for (int it = 1; it <= 3; it++) {
                cancel.check();
                if (growingTsne) {
                    // As t-SNE's layout spreads while it converges: ten times wider at each report.
                    x = scaled(x, 10);
                    y = scaled(y, 10);
                }
                listener.onLayout(it, 3, x, y);
            }
            return new Projection(ProjectionSpec.TSNE, tsneCaption, x, y, null);
        }
        return p;
    }

    // ---- Importing a model ------------------------------------------------------------------------

    /** Where new models go by default; null: the real rule (under target/ in tests, by the pom's property). */
    public Path modelsFolder;

    @Override
    public Path modelsFolder() {
        return modelsFolder != null ? modelsFolder : CoreServices.super.modelsFolder();
    }

    /**
     * The real core's prepare and check on the first 16 images of a fake data set ({@code synthetic} unless
     * one is named), so that a real ONNX pair previews here without MNIST.
     */
    @Override
    public ImportPreview previewImport(ImportRequest request, Work.Progress progress, CancelToken cancel) {
        ModelImporter.Prepared prepared = ModelImporter.prepare(request.pair());
        cancel.check();
        String data = request.dataset().isEmpty() ? "synthetic" : request.dataset();
        Dataset probe = loadDataset(data, "test").limit(16);
        ModelImporter.Result r = ModelImporter.check(prepared.forData(data, probe.labelNames()), probe.rows());
        ModelHandle h = new ModelHandle(null, r.model(), TrainingHistory.empty(), Map.of(), r.model());
        return new ImportPreview(h, data, request.pair().inputShape(), r.inputs(), r.reconstructions(), r.samples(),
                "fake preview: d = " + r.model().latentDim(), request.command());
    }

    /** Writes a fake bundle with the previewed model's d, which {@link #openModel} reads back. */
    @Override
    public void saveImport(ImportPreview preview, Path out) {
        writeBundle(out, preview.model().latentDim());
    }

    // ---- Inpainting ----------------------------------------------------------------------------

    private final Map<ModelHandle, org.latentexplorer.model.LatentModel> models = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    /** Completions started, and the cancel tokens they were given (in order). */
    public final List<CancelToken> inpaintTokens = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public Inpainter inpainter(ModelHandle model, MethodSpec method, Dataset reference) {
        Inpainter real = Inpainting.create(method, models.get(model), reference);
        return new Inpainter() {
            @Override
            public MethodSpec method() {
                return real.method();
            }

            @Override
            public org.latentexplorer.inpaint.Completion complete(float[] image, org.latentexplorer.inpaint.Mask mask,
                    org.latentexplorer.inpaint.InpaintOptions options, java.util.SplittableRandom rng, CancelToken cancel,
                    org.latentexplorer.inpaint.InpaintListener listener) {
                inpaintTokens.add(cancel);
                return real.complete(image, mask, options, rng, cancel, listener);
            }
        };
    }
}
