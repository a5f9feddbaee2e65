package org.latentexplorer.ui.training;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.latentexplorer.train.EpochStats;

/**
 * The per-epoch figures as CSV: {@code epoch,split,loss,TERM…}, one row per epoch and split
 * (train, then validation when there is one). Epochs count from 1, as the charts do. The columns
 * are the union of the terms in the order the model reports them; a term an epoch lacks is empty.
 * Values keep full precision ({@link Double#toString}) so a plot made from the file matches the bundle.
 */
final class HistoryCsv {
    private HistoryCsv() {
    }

    static String of(List<EpochStats> epochs) {
        Set<String> names = new LinkedHashSet<>();
        for (EpochStats e : epochs) {
            names.addAll(e.trainTerms().keySet());
            names.addAll(e.validTerms().keySet());
        }
        StringBuilder b = new StringBuilder("epoch,split,loss");
        names.forEach(n -> b.append(',').append(quote(n)));
        b.append('\n');
        for (EpochStats e : epochs) {
            row(b, e.epoch() + 1, "train", e.trainLoss(), e.trainTerms(), names);
            if (!Double.isNaN(e.validLoss())) {
                row(b, e.epoch() + 1, "validation", e.validLoss(), e.validTerms(), names);
            }
        }
        return b.toString();
    }

    private static void row(StringBuilder b, int epoch, String split, double loss, Map<String, Double> terms,
                            Set<String> names) {
        b.append(epoch).append(',').append(split).append(',').append(loss);
        for (String n : names) {
            Double v = terms.get(n);
            b.append(',').append(v == null ? "" : v.toString());
        }
        b.append('\n');
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
