package org.latentexplorer.ui.services;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.common.OutputPaths;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.ImageShape;
import org.latentexplorer.data.Split;
import org.latentexplorer.inpaint.Completion;
import org.latentexplorer.inpaint.InpaintListener;
import org.latentexplorer.inpaint.InpaintOptions;
import org.latentexplorer.inpaint.Inpainter;
import org.latentexplorer.inpaint.Inpainting;
import org.latentexplorer.inpaint.Mask;
import org.latentexplorer.inpaint.MethodSpec;
import org.latentexplorer.inpaint.ModelInpainter;
import org.latentexplorer.model.LatentModel;
import org.latentexplorer.model.ModelBundle;
import org.latentexplorer.model.ModelConfig;
import org.latentexplorer.model.ModelImporter;
import org.latentexplorer.model.Models;
import org.latentexplorer.model.SameDiffModel;
import org.latentexplorer.model.TrainingHistory;
import org.latentexplorer.train.PreviousModel;
import org.latentexplorer.train.Trainer;
import org.latentexplorer.train.TrainOptions;
import org.latentexplorer.train.TrainRun;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.ui.tasks.Work;

/** The screens' services over the real core classes. */
public final class DefaultCoreServices implements CoreServices {
    /** The shipped model the window opens on, under the install folder the launcher names (else the working folder). */
    public static final Path DEFAULT_MODEL = Path.of(System.getProperty("latentexplorer.home", "."), "models", "mnist-d2.lexb");
    private final Path defaultModel;
    private DatasetResolver resolver;

    public DefaultCoreServices() {
        this(DEFAULT_MODEL);
    }

    /** Services whose default model is {@code defaultModel} (benchmarks and tests point it elsewhere). */
    public DefaultCoreServices(Path defaultModel) {
        this.defaultModel = defaultModel;
    }

    /** A bundle read ahead (start-up) and the file it is of; taken by the first {@link #openModel} of that file. */
    private java.util.concurrent.CompletableFuture<ModelBundle> ahead;
    private Path aheadPath;

    /**
     * Starts reading {@code path} in the background, so that the window's first model is read while the
     * screens are built (each takes about a second).
     */
    public synchronized void readAhead(Path path) {
        aheadPath = path.toAbsolutePath().normalize();
        ahead = java.util.concurrent.CompletableFuture.supplyAsync(() -> ModelBundle.load(path));
        // Then the data set the window will show with it, when it is on this machine (never a download:
        // that one runs as the window's task, with its progress and its cancel).
        ahead.thenAcceptAsync(bundle -> {
            String id = bundle.model().config().datasetId();
            if (!id.isEmpty() && isLocal(id)) {
                readAheadData(id);
            }
        });
    }

    /** A data set read ahead, in the window's split, and its name; taken by the first {@link #loadDataset} of it. */
    private java.util.concurrent.CompletableFuture<Dataset> aheadData;
    private String aheadDataId;

    private synchronized void readAheadData(String id) {
        aheadDataId = id;
        aheadData = java.util.concurrent.CompletableFuture.supplyAsync(() -> resolver().resolve(id, viewSplit(id)));
    }

    private synchronized java.util.concurrent.CompletableFuture<Dataset> takeAheadData(String id, String split) {
        if (aheadData == null || !VIEW.equals(split) || !id.equals(aheadDataId)) {
            return null;
        }
        var f = aheadData;
        aheadData = null;
        return f;
    }

    private boolean isLocal(String id) {
        return DatasetCatalog.find(id)
                .map(d -> resolver().locate(d).values().stream().allMatch(DatasetResolver.Location::isLocal))
                .orElse(false);
    }

    private synchronized java.util.concurrent.CompletableFuture<ModelBundle> takeAhead(Path path) {
        if (ahead == null || !path.toAbsolutePath().normalize().equals(aheadPath)) {
            return null;
        }
        var f = ahead;
        ahead = null;
        return f;
    }

    @Override
    public org.latentexplorer.model.ModelConfig modelConfig(Path path) {
        return ModelBundle.readConfig(path);
    }

    @Override
    public ModelHandle openModel(Path path) {
        var early = takeAhead(path);
        ModelBundle bundle;
        if (early == null) {
            bundle = ModelBundle.load(path);
        } else {
            try {
                bundle = early.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r; // the file's own message (InputException), as a direct read gives it
                }
                throw e;
            }
        }
        return rememberBundle(remember(new ModelHandle(path, bundle.model(), bundle.history(), bundle.evaluation(), bundle),
                bundle.model()), bundle);
    }

    /** Each data set's content fingerprint, hashed once (a miss looks the codes up, then stores them). */
    private final Map<Dataset, String> dataFingerprints =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** The key of a model's codes of a data set: the bundle file as it is now, and the data by content. */
    private String codesKey(ModelHandle model, Dataset data) throws IOException {
        var f = org.latentexplorer.common.FileFingerprint.of(model.source());
        return f == null ? null : model.source().toAbsolutePath().normalize() + "|" + f + "|"
                + dataFingerprints.computeIfAbsent(data, Dataset::fingerprint);
    }

    private static org.latentexplorer.model.CodesCache codesCache() {
        return new org.latentexplorer.model.CodesCache(
                org.latentexplorer.data.DatasetCache.fromEnvironment().dir().resolve("codes"));
    }

    @Override
    public Optional<float[][]> storedCodes(ModelHandle model, Dataset data) {
        try {
            String key = model.source() == null ? null : codesKey(model, data);
            return key == null ? Optional.empty() : codesCache().load(key, data.size(), model.latentDim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public void storeCodes(ModelHandle model, Dataset data, float[][] codes) {
        try {
            String key = model.source() == null ? null : codesKey(model, data);
            if (key != null) {
                codesCache().store(key, codes);
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be written costs the next start its encoding, nothing more
        }
    }

    /** The split name the map asks for: everything that is on this machine, never a download. */
    public static final String VIEW = "view";

    @Override
    public String defaultSplit() {
        return VIEW;
    }

    @Override
    public Dataset loadDataset(String nameOrPath, String split) {
        var early = takeAheadData(nameOrPath, split);
        if (early != null) {
            try {
                return early.join();
            } catch (java.util.concurrent.CompletionException e) {
                // Read again below: a failure then gives the file's own message where the window asked.
            }
        }
        return resolver().resolve(nameOrPath, VIEW.equals(split) ? viewSplit(nameOrPath) : Split.parse(split));
    }

    /** All of a named set when all its parts are local (MNIST 10k), else its test part (Fashion-MNIST). */
    private Split viewSplit(String nameOrPath) {
        return DatasetCatalog.find(nameOrPath).isEmpty() || isLocal(nameOrPath) ? Split.ALL : Split.TEST;
    }

    private synchronized DatasetResolver resolver() {
        if (resolver == null) {
            resolver = DatasetResolver.defaults();
        }
        return resolver;
    }

    @Override
    public Optional<Path> defaultModel() {
        return Files.isRegularFile(defaultModel) ? Optional.of(defaultModel) : Optional.empty();
    }

    @Override
    public ModelHandle train(TrainRequest request, TrainingListener listener, CancelToken cancel) {
        OutputPaths.checkWritable(request.output(), "--out");
        TrainOptions.Data d = request.options().data();
        Dataset data = d.select(loadDataset(d.dataset(), d.split()));
        TrainRun.Outcome run = TrainRun.run(request.options(), data, request.output(), request.command(), listener,
                cancel);
        if (run.result().cancelled()) {
            run.bundle().close();
            throw new CancellationException(run.result().history().epochs().isEmpty()
                    ? "cancelled before the first epoch ended; nothing saved"
                    : "cancelled; the last finished epoch is in " + request.output());
        }
        ModelBundle bundle = run.bundle();
        return rememberBundle(remember(new ModelHandle(request.output(), run.model(), bundle.history(),
                bundle.evaluation(), bundle), run.model()), bundle);
    }

    // ---- Importing a model from ONNX ---------------------------------------------------------------

    /** Test images both graphs run on before anything is saved, as {@code import-model} does. */
    static final int PROBE_IMAGES = 16;

    @Override
    public boolean knowsDataset(String nameOrPath) {
        if (CoreServices.super.knowsDataset(nameOrPath)) {
            return true;
        }
        try {
            return resolver().library().find(nameOrPath).isPresent();
        } catch (InputException e) {
            return false;   // an unreadable library: the preview will say so
        }
    }

    @Override
    public ImportPreview previewImport(ImportRequest request, Work.Progress progress, CancelToken cancel) {
        ModelImporter.Request pair = request.pair();
        ImageShape shape = pair.inputShape();
        ModelImporter.Labels names = ModelImporter.labels(request.labels());
        // Wired from the declarations first: a pair that cannot fit is refused before a data set is read.
        progress.update(-1, "reading the graphs");
        ModelImporter.Prepared prepared = ModelImporter.prepare(pair);
        cancel.check();
        String data = !request.dataset().isEmpty() ? request.dataset()
                : !names.datasetId().isEmpty() ? names.datasetId() : ModelImporter.defaultDataset(shape);
        if (data == null) {
            throw new InputException("no data set of " + shape + " images is known: name one to try the model on "
                    + "(a data set name, or a folder or file of images)");
        }
        progress.update(-1, "reading " + data + " test images");
        Dataset probe = resolver().resolve(data, Split.TEST, (bytes, total) -> progress.update(
                total > 0 ? bytes / (double) total : -1, String.format(Locale.ROOT, "downloading %s: %.1f MiB", data,
                        bytes / 1048576.0)), cancel).limit(PROBE_IMAGES);
        if (probe.size() == 0) {
            throw new InputException(data + ": no test images to try the model on");
        }
        if (probe.dim() != shape.size()) {
            throw new InputException(data + " holds " + probe.shape() + " images, not " + shape
                    + ": give the model's input shape, or a data set of its images");
        }
        cancel.check();
        progress.update(-1, "running the encoder and decoder on " + probe.size() + " images");
        ModelImporter.Result r = ModelImporter.check(prepared.forData(data,
                names.names().isEmpty() ? probe.labelNames() : names.names()), probe.rows());
        ModelConfig c = r.model().config();
        String summary = String.format(Locale.ROOT, "%s and %s: codes of %d dimensions, %s decoder returning %s. "
                        + "Ran on %d %s test images: reconstruction RMSE %.4f.", pair.encoder().getFileName(),
                pair.decoder().getFileName(), c.latentDim(), c.likelihood(), r.model().decoderOutput().id(),
                probe.size(), data, r.reconstructionRmse());
        ModelHandle handle = remember(new ModelHandle(null, r.model(), TrainingHistory.empty(), Map.of(), r.model()),
                r.model());
        return new ImportPreview(handle, data, shape, r.inputs(), r.reconstructions(), r.samples(), summary,
                request.command());
    }

    @Override
    public void saveImport(ImportPreview preview, Path out) {
        OutputPaths.checkWritable(out, "the model file");
        LatentModel model = models.get(preview.model());
        if (model == null) {
            throw new InputException("this import was not previewed by these services; preview it again");
        }
        PreviousModel.keep(out, "nothing was saved");
        // The bundle is not closed: that would close the preview's model, which its handle owns.
        ModelBundle bundle = new ModelBundle(model, TrainingHistory.empty(), Map.of(),
                Map.of("importedWith", preview.command()));
        synchronized (preview.model()) {
            try {
                bundle.save(out);
            } catch (IOException e) {
                throw new InputException(out + ": the model could not be written (" + e.getMessage() + ")", e);
            }
        }
    }

    @Override
    public List<String> projectionMethods() {
        return List.of(ProjectionSpec.PCA, ProjectionSpec.TSNE, ProjectionSpec.UMAP);
    }

    @Override
    public Projection project(float[][] codes, ProjectionSpec spec, ProjectionListener listener, CancelToken cancel) {
        if (ProjectionSpec.PCA.equals(spec.method())) {
            return Pca.project(codes);
        }
        Map<String, Number> p = spec.params();
        org.latentexplorer.embed.EmbedOptions options = switch (spec.method()) {
            case ProjectionSpec.TSNE -> new org.latentexplorer.embed.TsneOptions(
                    p.getOrDefault("perplexity", 30).doubleValue(), p.getOrDefault("iterations", 1000).intValue(),
                    p.getOrDefault("learningRate", 0).doubleValue(), p.getOrDefault("earlyExaggeration", 12).doubleValue(),
                    0.5, 400, p.getOrDefault("seed", 42).longValue())
                    // One core stays with the window (the map is the same on any thread count).
                    .withThreads(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
            case ProjectionSpec.UMAP -> new org.latentexplorer.embed.UmapOptions(
                    p.getOrDefault("neighbors", 15).intValue(), p.getOrDefault("minDist", 0.1).doubleValue(),
                    p.getOrDefault("epochs", 0).intValue(), p.getOrDefault("seed", 42).longValue());
            default -> throw new InputException(spec.method() + " is not a projection this build offers");
        };
        org.latentexplorer.embed.EmbedListener forward = progress -> {
            float[] flat = progress.layout();
            if (flat != null) {
                float[][] xy = split(flat);
                listener.onLayout(progress.iteration(), progress.total(), xy[0], xy[1]);
            }
        };
        // The on-disk cache `embed` uses, keyed by the codes' content: reopening a model shows its map at once.
        org.latentexplorer.embed.Embedding e;
        try {
            var cache = new org.latentexplorer.embed.EmbeddingCache(
                    org.latentexplorer.data.DatasetCache.fromEnvironment().dir().resolve("embeddings"));
            e = cache.getOrCompute(new org.latentexplorer.embed.EmbeddingCache.Key(org.latentexplorer.embed.EmbeddingCache.codesId(codes),
                    "window", options), codes, forward, cancel);
        } catch (IOException ex) {
            // A cache that cannot be written (read-only home, full disk) costs the next start a recomputation only.
            e = org.latentexplorer.embed.Embeddings.fit(codes, options, forward, cancel);
        }
        float[][] xy = split(e.flat());
        String params = options.parameters().entrySet().stream().map(en -> en.getKey() + " " + en.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
        return new Projection(spec.method(), params, xy[0], xy[1], null);
    }

    /** Interleaved x0,y0,x1,y1... into {x[], y[]}. */
    private static float[][] split(float[] flat) {
        float[] x = new float[flat.length / 2], y = new float[flat.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = flat[2 * i];
            y[i] = flat[2 * i + 1];
        }
        return new float[][]{x, y};
    }

    // ---- Inpainting (the Inpaint screen) -------------------------------------------------------

    /** The model behind each handle these services opened: the inpainters need the model itself. */
    private final Map<ModelHandle, LatentModel> models = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private ModelHandle remember(ModelHandle handle, LatentModel model) {
        models.put(handle, model);
        return handle;
    }

    @Override
    public Inpainter inpainter(ModelHandle handle, MethodSpec method, Dataset reference) {
        LatentModel model = models.get(handle);
        if (model == null) {
            throw new InputException(handle.name() + ": this model was not opened here, so it cannot inpaint");
        }
        Inpainter inpainter = Inpainting.create(method, model, reference);
        if (inpainter instanceof ModelInpainter mi && !mi.usesJavaNetwork()
                || inpainter instanceof org.latentexplorer.inpaint.VaeacInpainter) {
            // Completions through SameDiff share the model with the other screens' jobs: take the handle's lock.
            Inpainter m = inpainter;
            return new Inpainter() {
                @Override
                public MethodSpec method() {
                    return m.method();
                }

                @Override
                public Completion complete(float[] image, Mask mask, InpaintOptions options,
                                           java.util.SplittableRandom rng, CancelToken cancel, InpaintListener listener) {
                    synchronized (handle) {
                        return m.complete(image, mask, options, rng, cancel, listener);
                    }
                }
            };
        }
        return inpainter;
    }

    // ---- end Inpainting ------------------------------------------------------------------------

    // ---- Clusters screen (issue 6) -------------------------------------------------------------------
    /** The bundle behind each open handle (the handle keeps its model private); weak, so closed models go. */
    private final Map<ModelHandle, ModelBundle> bundles = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());
    static final String CLUSTER_NAMES = "clusterNames";

    private ModelHandle rememberBundle(ModelHandle handle, ModelBundle bundle) {
        bundles.put(handle, bundle);
        return handle;
    }

    private ModelBundle bundle(ModelHandle handle) {
        ModelBundle b = bundles.get(handle);
        if (b == null) {
            throw new InputException(handle.name() + ": this model was not opened by these services");
        }
        return b;
    }

    @Override
    public Optional<org.latentexplorer.sample.ClusterModel> clusters(ModelHandle model) {
        ModelBundle b = bundle(model);
        return org.latentexplorer.sample.ClusterModels.hasDiscreteLatent(b.model())
                ? Optional.of(org.latentexplorer.sample.ClusterModels.of(b)) : Optional.empty();
    }

    @Override
    public org.latentexplorer.sample.ClusterModel fitClusters(ModelHandle model, float[][] x, int k,
                                                              org.latentexplorer.sample.FittedMixture.Method method,
                                                              long seed) {
        ModelBundle b = bundle(model);
        synchronized (model) {
            return org.latentexplorer.sample.ClusterModels.of(b.model(), x, k, method, seed);
        }
    }

    static final String FITTED_CLUSTERS = "fittedClusters";

    @Override
    public Optional<FittedClusters> fittedClusters(ModelHandle model) {
        return Optional.ofNullable(FittedClusters.fromJson(bundle(model).annotations().get(FITTED_CLUSTERS)));
    }

    @Override
    public void saveFittedClusters(ModelHandle model, FittedClusters fitted) {
        if (model.source() == null) {
            throw new InputException("this model has not been saved to a file yet, so its clusters cannot be saved");
        }
        checkNotShipped(model);
        ModelBundle b = bundle(model);
        synchronized (model) {
            b.annotations().put(FITTED_CLUSTERS, fitted.toJson());
            try {
                b.save(model.source());
            } catch (IOException e) {
                throw new InputException(model.source() + ": cannot save the clusters (" + e.getMessage() + ")", e);
            }
        }
    }

    @Override
    public Map<Integer, String> clusterNames(ModelHandle model) {
        Object saved = bundle(model).annotations().get(CLUSTER_NAMES);
        Map<Integer, String> names = new java.util.TreeMap<>();
        if (saved instanceof Map<?, ?> m) {
            // JSON object keys are strings; anything that is not "index": "name" is left out.
            m.forEach((key, value) -> {
                try {
                    names.put(Integer.parseInt(String.valueOf(key)), String.valueOf(value));
                } catch (NumberFormatException e) {
                    // not a cluster index
                }
            });
        }
        return names;
    }

    @Override
    public void saveClusterNames(ModelHandle model, Map<Integer, String> names) {
        if (model.source() == null) {
            throw new InputException("this model has not been saved to a file yet, so its cluster names cannot be saved");
        }
        checkNotShipped(model);
        ModelBundle b = bundle(model);
        Map<String, String> json = new java.util.TreeMap<>();
        names.forEach((k, v) -> json.put(Integer.toString(k), v));
        synchronized (model) {
            b.annotations().put(CLUSTER_NAMES, json);
            try {
                b.save(model.source());
            } catch (IOException e) {
                throw new InputException(model.source() + ": cannot save the cluster names (" + e.getMessage() + ")", e);
            }
        }
    }
    // ---- end of Clusters screen block ------------------------------------------------------------------

    // ---- Model screen (evaluation) ------------------------------------------------------------------
    @Override
    public org.latentexplorer.eval.Evaluation evaluate(ModelHandle model, Dataset data,
                                                      org.latentexplorer.eval.Evaluator.Options options,
                                                      java.util.function.DoubleConsumer progress, CancelToken cancel) {
        ModelBundle b = bundle(model);
        synchronized (model) {
            var e = org.latentexplorer.eval.Evaluator.evaluate(b.model(), data, options, progress, cancel);
            e = org.latentexplorer.sample.ClusterModels.withClusterMetrics(e, b.model(), data, options.limit());
            return e;
        }
    }

    /** The bundles shipped with the program (its {@code models} folder) stay as they came: a checkout's tracked files, an installation's. */
    private static void checkNotShipped(ModelHandle model) {
        Path shipped = DEFAULT_MODEL.toAbsolutePath().normalize().getParent();
        if (shipped != null && model.source().toAbsolutePath().normalize().startsWith(shipped)) {
            throw new InputException("the models shipped with the program are left as they came (" + shipped
                    + "); copy the model elsewhere to keep figures or names with it");
        }
    }

    @Override
    public void saveEvaluation(ModelHandle model, String key, org.latentexplorer.eval.Evaluation evaluation) {
        if (model.source() == null) {
            throw new InputException("this model has not been saved to a file yet, so its evaluation cannot be saved");
        }
        checkNotShipped(model);
        ModelBundle b = bundle(model);
        synchronized (model) {
            b.evaluation().put(key, evaluation);
            try {
                b.save(model.source());
            } catch (IOException e) {
                throw new InputException(model.source() + ": cannot save the evaluation (" + e.getMessage() + ")", e);
            }
        }
    }
    // ---- end of Model screen block ------------------------------------------------------------------
}
