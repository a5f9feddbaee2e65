package org.latentexplorer.cli;

import java.io.PrintWriter;
import java.util.concurrent.CancellationException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The headless face of Latent Explorer: {@code latent-explorer SUBCOMMAND ...}. Every sub-command
 * reports a problem with the user's input as one line on stderr and exit code 2; an interrupted run
 * exits 130; anything unexpected exits 1 with a one-line message (the stack trace only with
 * {@code LATENT_EXPLORER_DEBUG=1}).
 */
@Command(name = "latent-explorer", mixinStandardHelpOptions = true, versionProvider = LatentExplorerCommand.Version.class,
        description = "Train, evaluate and explore variational autoencoders. Without a sub-command the window opens.",
        subcommands = {TrainCommand.class, EvalCommand.class, CodesCommand.class, GridCommand.class,
                SampleCommand.class, EmbedCommand.class, InpaintCommand.class, DatasetsCommand.class, BenchCommand.class,
                ImportModelCommand.class, TraverseCommand.class, InterpolateCommand.class})
public final class LatentExplorerCommand implements Runnable {
    public static final int INPUT_ERROR = 2;
    public static final int INTERRUPTED = 130;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** {@code --version}: the build's own version (the same line as Help → About). */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"Latent Explorer " + org.latentexplorer.common.AppVersion.version()};
        }
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The configured command line, with the project's error conventions. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new LatentExplorerCommand());
        cl.setParameterExceptionHandler((ex, args) -> {
            ex.getCommandLine().getErr().println(ex.getMessage() + " (see --help)");
            return INPUT_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            if (ex instanceof org.latentexplorer.common.InputException) {
                err.println(ex.getMessage());
                return INPUT_ERROR;
            }
            if (ex instanceof CancellationException) {
                err.println("cancelled");
                return INTERRUPTED;
            }
            err.println("internal error: " + ex);
            if ("1".equals(System.getenv("LATENT_EXPLORER_DEBUG"))) {
                ex.printStackTrace(err);
            }
            return 1;
        });
        return cl;
    }

    /** Runs one command line and returns its exit code (the program's entry point for sub-commands). */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        try {
            return cl.execute(args);
        } catch (Error e) {
            // picocli hands exceptions to the handler above but lets errors through: without this an
            // OutOfMemoryError would end the program with the JVM's stack trace.
            PrintWriter err = cl.getErr();
            err.println(CliSupport.describe(e));
            if ("1".equals(System.getenv("LATENT_EXPLORER_DEBUG"))) {
                e.printStackTrace(err);
            }
            err.flush();
            return 1;
        } finally {
            CliSupport.finished();
        }
    }
}
