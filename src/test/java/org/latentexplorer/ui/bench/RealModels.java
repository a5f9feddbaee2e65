package org.latentexplorer.ui.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.latentexplorer.common.CancelToken;
import org.latentexplorer.model.Likelihood;
import org.latentexplorer.train.TrainConfig;
import org.latentexplorer.train.TrainOptions;
import org.latentexplorer.train.TrainingListener;
import org.latentexplorer.data.Binarization;
import org.latentexplorer.ui.services.DefaultCoreServices;
import org.latentexplorer.ui.services.ModelHandle;
import org.latentexplorer.ui.services.TrainRequest;

/** A real MNIST model for the benchmarks: the shipped one, or a short run written under target/. */
public final class RealModels {
    private RealModels() {
    }

    public static Path mnist(int d) {
        Path shipped = Path.of("models", "mnist-d" + d + ".lexb");
        if (Files.isRegularFile(shipped)) {
            return shipped;
        }
        Path out = Path.of("target", "bench", "mnist-d" + d + ".lexb");
        if (Files.isRegularFile(out)) {
            return out;
        }
        TrainConfig train = new TrainConfig(3, 128, 1e-3, 0, 1, 0, 0.1, 0, Binarization.NONE, 42);
        TrainOptions options = new TrainOptions(new TrainOptions.Data("mnist", "train", 0),
                new TrainOptions.Network("vae", "dense", d, null, Likelihood.BERNOULLI), train, null, null);
        long t0 = System.nanoTime();
        try (ModelHandle h = new DefaultCoreServices().train(new TrainRequest(options, out, "bench fixture"),
                new TrainingListener() { }, CancelToken.NONE)) {
            System.out.printf("[bench] trained %s in %.1f s%n", out, (System.nanoTime() - t0) / 1e9);
        }
        return out;
    }
}
