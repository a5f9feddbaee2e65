package org.latentexplorer.train;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/**
 * How the learning rate moves over a run ({@code train --lr-schedule}); the run's {@code --lr} is the rate
 * it starts from.
 * <ul>
 *   <li>{@code constant}: the same rate every epoch (the default);</li>
 *   <li>{@code cosine}: cosine annealing over the run's epochs, without restarts (Loshchilov &amp; Hutter,
 *       SGDR, ICLR 2017, eq. 5 with η_min = 0, stepped once per epoch);</li>
 *   <li>{@code plateau:P[:F]}: the rate is multiplied by F (default 0.1, as PyTorch's
 *       {@code ReduceLROnPlateau}) once the validation loss has not improved for P epochs, counting from
 *       its best or from the last reduction; needs a validation split.</li>
 * </ul>
 *
 * @param kind     constant, cosine or plateau
 * @param plateau  plateau: epochs without improvement before a reduction (≥ 1); 0 otherwise
 * @param factor   plateau: the factor in (0, 1); 1 otherwise
 */
public record LrSchedule(String kind, int plateau, double factor) {
    public static final String CONSTANT = "constant", COSINE = "cosine", PLATEAU = "plateau";
    public static final LrSchedule CONSTANT_RATE = new LrSchedule(CONSTANT, 0, 1);
    static final double DEFAULT_FACTOR = 0.1;
    private static final int MAX_PLATEAU = 10_000;

    public LrSchedule {
        if (kind == null || !(kind.equals(CONSTANT) || kind.equals(COSINE) || kind.equals(PLATEAU))) {
            throw new InputException(usage(kind));
        }
        if (kind.equals(PLATEAU) && (plateau < 1 || plateau > MAX_PLATEAU || !(factor > 0 && factor < 1))) {
            throw new InputException("--lr-schedule plateau:P:F needs P from 1 to " + MAX_PLATEAU
                    + " epochs and a factor F in (0, 1), got P = " + plateau + ", F = " + factor);
        }
        if (!kind.equals(PLATEAU)) {
            plateau = 0;
            factor = 1;
        }
    }

    /** {@code constant}, {@code cosine}, {@code plateau:P} or {@code plateau:P:F}, case and blanks ignored. */
    public static LrSchedule parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals(CONSTANT)) {
            return CONSTANT_RATE;
        }
        if (t.equals(COSINE)) {
            return new LrSchedule(COSINE, 0, 1);
        }
        String[] p = t.split(":", -1);
        if (!p[0].strip().equals(PLATEAU) || p.length < 2 || p.length > 3) {
            throw new InputException(usage(text));
        }
        try {
            int patience = Integer.parseInt(p[1].strip());
            double factor = p.length == 3 ? Double.parseDouble(p[2].strip()) : DEFAULT_FACTOR;
            return new LrSchedule(PLATEAU, patience, factor);
        } catch (NumberFormatException e) {
            throw new InputException(usage(text));
        }
    }

    private static String usage(String got) {
        return "--lr-schedule must be constant, cosine, plateau:P or plateau:P:F (P epochs, factor F), got '" + got + "'";
    }

    /**
     * The multiplier of the starting rate in epoch {@code epoch} (0-based) of {@code epochs} under the cosine
     * schedule, 1 under the others (plateau reductions depend on the validation losses; see {@link Plateau}).
     */
    public double scale(int epoch, int epochs) {
        if (!kind.equals(COSINE) || epochs <= 1) {
            return 1;
        }
        // SGDR eq. 5: η_t = η_min + ½ (η_max − η_min)(1 + cos(π T_cur / T_i)), here η_min = 0, T_i = epochs.
        return 0.5 * (1 + Math.cos(Math.PI * epoch / epochs));
    }

    /** The words of the command line that give this schedule. */
    @Override
    public String toString() {
        return kind.equals(PLATEAU) ? PLATEAU + ":" + plateau + ":" + factor : kind;
    }

    /** The state of a plateau schedule over one run: feed it each epoch's validation loss. */
    final class Plateau {
        private double best = Double.POSITIVE_INFINITY;
        private int since;
        private double scale = 1;

        /** Takes an epoch's validation loss; true when the rate has just been reduced. */
        boolean observe(double validLoss) {
            if (!kind.equals(PLATEAU)) {
                return false;
            }
            if (validLoss < best) {
                best = validLoss;
                since = 0;
                return false;
            }
            if (++since < plateau) {
                return false;
            }
            since = 0;
            scale *= factor;
            return true;
        }

        /** The product of the reductions so far. */
        double scale() {
            return scale;
        }
    }
}
