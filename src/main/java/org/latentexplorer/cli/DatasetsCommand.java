package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.common.InputException;
import org.latentexplorer.data.DatasetCache;
import org.latentexplorer.data.DatasetCatalog;
import org.latentexplorer.data.DatasetFiles;
import org.latentexplorer.data.DatasetResolver;
import org.latentexplorer.data.Dataset;
import org.latentexplorer.data.KnownDataset;
import org.latentexplorer.data.ReadOptions;
import org.latentexplorer.data.Split;
import org.latentexplorer.data.UserLibrary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code datasets list | info NAME | import PATH}: what data sets there are, where they are, and
 * adding the user's own under a name. Errors in the user's input print one line to stderr and exit 2.
 */
@Command(name = "datasets", mixinStandardHelpOptions = true,
        description = "List, describe and import data sets.",
        subcommands = {DatasetsCommand.ListCommand.class, DatasetsCommand.InfoCommand.class,
                DatasetsCommand.ImportCommand.class})
public final class DatasetsCommand implements Callable<Integer> {
    static final int INPUT_ERROR = 2;

    @Spec
    CommandSpec spec;

    @Option(names = "--cache", paramLabel = "DIR", scope = CommandLine.ScopeType.INHERIT,
            description = "data folder (default: $LATENT_EXPLORER_CACHE, $XDG_CACHE_HOME/latent-explorer or ~/.cache/latent-explorer)")
    Path cacheDir;

    private final DatasetResolver injected;

    /** The command with the default resolver (or the folder given by --cache). */
    public DatasetsCommand() {
        this(null);
    }

    /** The command over a given resolver (tests, the app). */
    public DatasetsCommand(DatasetResolver resolver) {
        this.injected = resolver;
    }

    /**
     * A command line for this command whose usage errors print one line (and a hint) instead of the
     * whole help, and exit 2.
     */
    public static CommandLine newCommandLine(DatasetsCommand command) {
        CommandLine cl = new CommandLine(command);
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage() + " (see --help)");
            return INPUT_ERROR;
        });
        return cl;
    }

    @Override
    public Integer call() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand: list, info or import");
    }

    DatasetResolver resolver() {
        if (injected != null) {
            return injected;
        }
        return cacheDir == null ? DatasetResolver.defaults()
                : new DatasetResolver(new DatasetCache(cacheDir), DatasetResolver.DEBIAN_FASHION_DIR,
                        new org.latentexplorer.data.Downloader());
    }

    /** Runs {@code body}, turning an InputException into one line on stderr and exit code 2. */
    static int guarded(CommandSpec spec, Callable<Integer> body) throws Exception {
        try {
            return body.call();
        } catch (InputException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return INPUT_ERROR;
        }
    }

    static String bytes(long n) {
        if (n < 0) {
            return "size unknown";
        }
        if (n < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Show the known and imported data sets.")
    static final class ListCommand implements Callable<Integer> {
        @ParentCommand
        DatasetsCommand parent;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                DatasetResolver r = parent.resolver();
                out.printf("%-16s %-8s %-18s %-12s %s%n", "NAME", "SHAPE", "EXAMPLES", "STATUS", "DOWNLOAD");
                for (KnownDataset d : DatasetCatalog.all()) {
                    Map<Split, DatasetResolver.Location> loc = r.locate(d);
                    boolean train = loc.get(Split.TRAIN).isLocal();
                    boolean test = loc.get(Split.TEST).isLocal();
                    String status = train && test ? "local" : train || test ? "partly local" : "downloadable";
                    List<org.latentexplorer.data.RemoteFile> needed = loc.values().stream()
                            .flatMap(l -> l.downloads().stream()).distinct().toList();
                    boolean unknown = needed.stream().anyMatch(f -> f.size() < 0);
                    long sum = needed.stream().mapToLong(org.latentexplorer.data.RemoteFile::size).sum();
                    out.printf("%-16s %-8s %-18s %-12s %s%n", d.name(), d.shape(),
                            d.trainSize() + " + " + d.testSize(), status,
                            needed.isEmpty() ? "-" : unknown ? "size unknown" : bytes(sum));
                }
                for (UserLibrary.Entry e : r.library().entries()) {
                    boolean present = Files.exists(Path.of(e.path()));
                    out.printf("%-16s %-8s %-18s %-12s %s%n", e.name(), e.shape(), Integer.toString(e.size()),
                            present ? "imported" : "missing", e.path());
                }
                return 0;
            });
        }
    }

    @Command(name = "info", mixinStandardHelpOptions = true, description = "Describe one data set.")
    static final class InfoCommand implements Callable<Integer> {
        @ParentCommand
        DatasetsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "NAME", description = "a data set name (see 'datasets list')")
        String name;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                DatasetResolver r = parent.resolver();
                KnownDataset d = DatasetCatalog.find(name).orElse(null);
                if (d != null) {
                    out.println(d.name() + ": " + d.title());
                    out.println("shape:    " + d.shape() + " (" + d.shape().size() + " values per example)");
                    out.println("examples: train " + d.trainSize() + ", test " + d.testSize() + " (" + d.splits() + ")");
                    out.println("labels:   " + (d.labelNames().isEmpty() ? "none" : String.join(", ", d.labelNames())));
                    out.println("source:   " + d.source());
                    out.println("licence:  " + d.licence());
                    for (Map.Entry<Split, DatasetResolver.Location> e : r.locate(d).entrySet()) {
                        DatasetResolver.Location l = e.getValue();
                        out.printf("%-9s %s %s%n", e.getKey() + ":", l.origin().name().toLowerCase(Locale.ROOT), l.where());
                    }
                    return 0;
                }
                UserLibrary.Entry e = r.library().find(name).orElseThrow(() -> new InputException(
                        "unknown data set '" + name + "'; known names: " + r.knownNames()));
                out.println(e.name() + ": imported " + e.format().toLowerCase(Locale.ROOT).replace('_', ' '));
                out.println("shape:    " + e.shape());
                out.println("examples: " + e.size());
                out.println("labels:   " + (e.classes() == 0 ? "none" : e.classes() + " classes"));
                out.println("path:     " + e.path());
                out.println("added:    " + e.added());
                return 0;
            });
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Read a file or folder, show a summary and add it to your library under a name.")
    static final class ImportCommand implements Callable<Integer> {
        @ParentCommand
        DatasetsCommand parent;
        @Spec
        CommandSpec spec;
        @Parameters(paramLabel = "PATH", description = "IDX images file, image or CIFAR folder, .csv/.tsv, .mat, u.data")
        Path path;
        @Option(names = "--name", description = "name to register it under (default: from the file name)")
        String name;
        @Option(names = "--size", paramLabel = "HxW", description = "image folders: resize to this size")
        String size;
        @Option(names = "--channels", description = "image folders: 1 grey, 3 RGB, 0 automatic (default)")
        int channels;
        @Option(names = "--label-column", paramLabel = "COL", description = "CSV: label column name or 0-based index")
        String labelColumn;
        @Option(names = "--allow-missing", description = "CSV: empty cells are missing values")
        boolean allowMissing;
        @Option(names = "--force", description = "replace an imported data set of the same name")
        boolean force;

        @Override
        public Integer call() throws Exception {
            return guarded(spec, () -> {
                PrintWriter out = spec.commandLine().getOut();
                DatasetResolver r = parent.resolver();
                String n = name != null ? name : defaultName(path);
                if (!n.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
                    throw new InputException("name '" + n + "' must be letters, digits, '.', '_' or '-'");
                }
                if (DatasetCatalog.find(n).isPresent()) {
                    throw new InputException("'" + n + "' is a built-in data set; choose another --name");
                }
                if (r.library().find(n).isPresent() && !force) {
                    throw new InputException("'" + n + "' is already imported; use --force to replace it");
                }
                ReadOptions base = size == null ? ReadOptions.DEFAULT : ReadOptions.withSize(size);
                ReadOptions options = new ReadOptions(base.height(), base.width(), channels, labelColumn, allowMissing, null);
                Path abs = path.toAbsolutePath().normalize();
                DatasetFiles.Format format = DatasetFiles.detect(abs);
                Dataset d = DatasetFiles.read(n, abs, Split.ALL, options, CancelToken.NONE);
                out.println("read " + abs + " (" + format.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")");
                out.println("examples: " + d.size());
                out.println("shape:    " + d.shape());
                out.println("labels:   " + (d.hasLabels() ? d.labelNames().size() + " classes: " + preview(d.labelNames()) : "none"));
                if (d.hasMissing()) {
                    out.println("missing:  yes (NaN entries)");
                }
                r.library().put(new UserLibrary.Entry(n, abs.toString(), format.name(), options, d.size(),
                        d.shape().toString(), d.labelNames().size(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
                out.println("imported as '" + n + "' in " + r.library().file());
                return 0;
            });
        }

        private static String preview(List<String> names) {
            return names.size() <= 10 ? String.join(", ", names)
                    : String.join(", ", names.subList(0, 10)) + ", ... (" + (names.size() - 10) + " more)";
        }

        static String defaultName(Path p) {
            String f = p.toAbsolutePath().normalize().getFileName().toString().toLowerCase(Locale.ROOT);
            f = f.replaceFirst("\\.(gz|tgz)$", "").replaceFirst("\\.[a-z0-9]{1,4}$", "");
            f = f.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
            return f.isEmpty() ? "imported" : f;
        }
    }
}
