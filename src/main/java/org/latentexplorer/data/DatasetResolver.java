package org.latentexplorer.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;

/**
 * Turns a data set name or a path into a {@link Dataset}. A name is looked up in the
 * {@link DatasetCatalog}, then in the user's {@link UserLibrary}; anything else is read as a path with
 * {@link DatasetFiles}. The files of a named set are searched in this order: the assets embedded in
 * the program, the user cache, the Debian package folder (Fashion-MNIST only), and finally a download
 * into the cache from the official URL, checked against the pinned checksums.
 */
public final class DatasetResolver {
    /** Where Debian's dataset-fashion-mnist package puts its files. */
    public static final Path DEBIAN_FASHION_DIR = Path.of("/usr/share/datasets/fashion-mnist");

    /** Where a split of a data set is (or would come from). */
    public enum Origin { EMBEDDED, CACHE, SYSTEM, DOWNLOAD, LIBRARY, PATH }

    /**
     * @param origin    where it comes from
     * @param where     a classpath resource, a path, or the URL(s) to download
     * @param downloads files that must be downloaded first (empty unless origin is DOWNLOAD)
     */
    public record Location(Origin origin, String where, List<RemoteFile> downloads) {
        public boolean isLocal() {
            return origin != Origin.DOWNLOAD;
        }
    }

    /** Sets whose splits all come from one file or folder (the others have a file pair per split). */
    private static final Set<String> ONE_SOURCE = Set.of("mnist", "cifar-10", "frey-faces", "movielens-100k");

    private final DatasetCache cache;
    private final Path fashionSystemDir;
    private final Downloader downloader;
    private final UserLibrary library;

    /**
     * @param cache            the user cache (tests: a temporary folder)
     * @param fashionSystemDir the Debian Fashion-MNIST folder, or null to skip it
     * @param downloader       how to download missing files, or null to work offline (then a missing
     *                         file is an {@link InputException} that names the URL)
     */
    public DatasetResolver(DatasetCache cache, Path fashionSystemDir, Downloader downloader) {
        this.cache = cache;
        this.fashionSystemDir = fashionSystemDir;
        this.downloader = downloader;
        this.library = new UserLibrary(cache.libraryFile());
    }

    /** The resolver the program uses: cache from the environment, Debian folder, downloads allowed. */
    public static DatasetResolver defaults() {
        return new DatasetResolver(DatasetCache.fromEnvironment(), DEBIAN_FASHION_DIR, new Downloader());
    }

    public DatasetCache cache() {
        return cache;
    }

    public UserLibrary library() {
        return library;
    }

    /** Resolves without progress reports or cancel. */
    public Dataset resolve(String nameOrPath, Split split) {
        return resolve(nameOrPath, split, Downloader.Progress.NONE, CancelToken.NONE);
    }

    /**
     * Loads the split of a named data set, an imported one, or a path.
     *
     * @throws InputException when the name is unknown and no such path exists, or the data is bad
     */
    public Dataset resolve(String nameOrPath, Split split, Downloader.Progress progress, CancelToken cancel) {
        KnownDataset known = DatasetCatalog.find(nameOrPath).orElse(null);
        if (known != null) {
            return switch (split) {
                case TRAIN, TEST -> loadPart(known, split, progress, cancel);
                case ALL -> ONE_SOURCE.contains(known.name())
                        ? loadPart(known, Split.ALL, progress, cancel)
                        : Dataset.concat(known.name(), List.of(loadPart(known, Split.TRAIN, progress, cancel),
                                loadPart(known, Split.TEST, progress, cancel)));
            };
        }
        var entry = library.find(nameOrPath);
        if (entry.isPresent()) {
            return DatasetFiles.read(entry.get().name(), Path.of(entry.get().path()), split, entry.get().options(), cancel);
        }
        Path path = Path.of(nameOrPath);
        if (!Files.exists(path)) {
            throw new InputException("'" + nameOrPath + "' is neither a data set name nor an existing file or folder; "
                    + "known names: " + knownNames());
        }
        return DatasetFiles.read(nameOrPath, path, split, ReadOptions.DEFAULT, cancel);
    }

    /** Names of the catalog and the library, comma-separated, for messages. */
    public String knownNames() {
        List<String> names = new ArrayList<>(DatasetCatalog.all().stream().map(KnownDataset::name).toList());
        library.entries().forEach(e -> names.add(e.name()));
        return String.join(", ", names);
    }

    /** Where the train and test splits of a named data set are, without reading or downloading anything. */
    public Map<Split, Location> locate(KnownDataset d) {
        Map<Split, Location> m = new EnumMap<>(Split.class);
        m.put(Split.TRAIN, locatePart(d, Split.TRAIN));
        m.put(Split.TEST, locatePart(d, Split.TEST));
        return m;
    }

    private Location locatePart(KnownDataset d, Split part) {
        Path dir = cache.folder(d.name());
        return switch (d.name()) {
            case "mnist" -> new Location(Origin.EMBEDDED, "/assets/mnist/images-idx3-ubyte.gz", List.of());
            case "fashion-mnist" -> part == Split.TEST
                    ? new Location(Origin.EMBEDDED, "/assets/fashion-mnist/t10k-images-idx3-ubyte.gz", List.of())
                    : idxLocation(d, "train", fashionSystemDir);
            case "cifar-10" -> firstLocal(d, dir.resolve("cifar-10-batches-bin"), dir.resolve("cifar-10-binary.tar.gz"));
            case "frey-faces" -> firstLocal(d, dir.resolve("frey_rawface.mat"));
            case "movielens-100k" -> firstLocal(d, dir.resolve("u.data"), dir.resolve("ml-100k").resolve("u.data"),
                    dir.resolve("ml-100k.zip"));
            default -> idxLocation(d, part == Split.TRAIN ? "train" : "t10k", null);
        };
    }

    private Location idxLocation(KnownDataset d, String prefix, Path systemDir) {
        String images = prefix + "-images-idx3-ubyte";
        for (Path dir : systemDir == null ? List.of(cache.folder(d.name())) : List.of(cache.folder(d.name()), systemDir)) {
            for (String name : List.of(images + ".gz", images)) {
                Path p = dir.resolve(name);
                if (Files.isRegularFile(p) && IdxReader.labelsBeside(p) != null) {
                    return new Location(dir == systemDir ? Origin.SYSTEM : Origin.CACHE, p.toString(), List.of());
                }
            }
        }
        List<RemoteFile> files = d.downloads().stream().filter(f -> f.fileName().startsWith(prefix + "-")).toList();
        return download(files);
    }

    private Location firstLocal(KnownDataset d, Path... candidates) {
        for (Path p : candidates) {
            if (Files.exists(p)) {
                return new Location(Origin.CACHE, p.toString(), List.of());
            }
        }
        return download(d.downloads());
    }

    private static Location download(List<RemoteFile> files) {
        return new Location(Origin.DOWNLOAD, files.stream().map(RemoteFile::url).collect(Collectors.joining(" ")), files);
    }

    /** Loads one split (or, for single-source sets, all) of a catalog data set. */
    private Dataset loadPart(KnownDataset d, Split split, Downloader.Progress progress, CancelToken cancel) {
        Location loc = locatePart(d, split == Split.ALL ? Split.TRAIN : split);
        Path path = loc.origin() == Origin.DOWNLOAD ? fetch(d, loc.downloads(), progress, cancel) : null;
        if (loc.origin() == Origin.CACHE || loc.origin() == Origin.SYSTEM) {
            path = Path.of(loc.where());
        }
        Dataset all = switch (d.name()) {
            case "mnist" -> embedded("mnist", "/assets/mnist/images-idx3-ubyte.gz", "/assets/mnist/labels-idx1-ubyte.gz",
                    d.labelNames());
            case "cifar-10" -> CifarReader.read(d.name(), path, split, cancel);
            case "frey-faces" -> MatReader.readFreyFaces(d.name(), path);
            case "movielens-100k" -> MovieLensReader.read(d.name(), path);
            default -> loc.origin() == Origin.EMBEDDED
                    ? embedded(d.name(), loc.where(), loc.where().replace("images-idx3", "labels-idx1"), d.labelNames())
                    : IdxReader.read(d.name(), path, requireLabels(path), d.labelNames());
        };
        boolean splitByRange = ONE_SOURCE.contains(d.name()) && !d.name().equals("cifar-10");
        if (!splitByRange || split == Split.ALL) {
            return all;
        }
        // Single-file sets: train is the first trainSize examples, test the rest.
        int cut = Math.min(d.trainSize(), all.size());
        return split == Split.TRAIN ? all.range(0, cut) : all.range(cut, all.size());
    }

    private static Path requireLabels(Path images) {
        Path labels = IdxReader.labelsBeside(images);
        if (labels == null) {
            throw new InputException(images + ": no labels file beside it");
        }
        return labels;
    }

    /** Downloads the files into the cache folder and returns the path to read (the first file). */
    private Path fetch(KnownDataset d, List<RemoteFile> files, Downloader.Progress progress, CancelToken cancel) {
        if (downloader == null) {
            throw new InputException(d.name() + " is not available offline: put "
                    + files.stream().map(RemoteFile::fileName).collect(Collectors.joining(", ")) + " into "
                    + cache.folder(d.name()) + " (from " + files.get(0).url() + ")");
        }
        Path first = null;
        for (RemoteFile f : files) {
            Path target = downloader.ensure(f, cache.folder(d.name()).resolve(f.fileName()), progress, cancel);
            first = first == null ? target : first;
        }
        return first;
    }

    private static Dataset embedded(String id, String images, String labels, List<String> labelNames) {
        try (InputStream im = DatasetResolver.class.getResourceAsStream(images);
             InputStream lb = DatasetResolver.class.getResourceAsStream(labels)) {
            if (im == null || lb == null) {
                throw new IllegalStateException("embedded asset " + (im == null ? images : labels)
                        + " is missing from the class path; the build did not copy assets/");
            }
            return IdxReader.read(id, im, images, lb, labels, labelNames);
        } catch (IOException e) {
            throw new IllegalStateException("embedded asset " + images + " cannot be read", e);
        }
    }
}
