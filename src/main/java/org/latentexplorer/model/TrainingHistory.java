package org.latentexplorer.model;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.train.EpochStats;

/**
 * What a bundle remembers of how its model was made: the command line (or dialog settings) and the
 * per-epoch figures.
 *
 * @param command the command line that trained the model, as the user would type it
 * @param seed    the seed of the run
 * @param epochs  figures of each finished epoch
 */
public record TrainingHistory(String command, long seed, List<EpochStats> epochs) {
    public TrainingHistory {
        epochs = List.copyOf(epochs == null ? List.of() : epochs);
    }

    public static TrainingHistory empty() {
        return new TrainingHistory("", 0, List.of());
    }

    public TrainingHistory plus(EpochStats stats) {
        List<EpochStats> all = new ArrayList<>(epochs);
        all.add(stats);
        return new TrainingHistory(command, seed, all);
    }
}
