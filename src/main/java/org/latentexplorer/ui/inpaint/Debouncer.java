package org.latentexplorer.ui.inpaint;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

/**
 * Runs an action once input has been quiet for a while: each {@link #restart} pushes the deadline
 * back. The screen uses a 100 ms timer on the FX thread; tests use {@link Manual} and flush by hand,
 * so that debouncing is tested without waiting.
 */
public interface Debouncer {

    /** Runs {@code action} after the quiet period, dropping any earlier action not yet run. */
    void restart(Runnable action);

    /** Runs the waiting action now, if there is one, instead of at the end of the quiet period. */
    void flushNow();

    /** A JavaFX timer: runs on the FX thread {@code millis} after the last restart. */
    static Debouncer fx(double millis) {
        PauseTransition pause = new PauseTransition(Duration.millis(millis));
        return new Debouncer() {
            private Runnable pending;

            @Override
            public void restart(Runnable action) {
                pending = action;
                pause.setOnFinished(e -> flushNow());
                pause.playFromStart();
            }

            @Override
            public void flushNow() {
                pause.stop();
                Runnable r = pending;
                pending = null;
                if (r != null) {
                    r.run();
                }
            }
        };
    }

    /** Keeps the latest action until {@link #flush}. */
    final class Manual implements Debouncer {
        private Runnable pending;
        private int restarts;

        @Override
        public void restart(Runnable action) {
            pending = action;
            restarts++;
        }

        @Override
        public void flushNow() {
            flush();
        }

        /** Runs the waiting action, if any; true when one ran. */
        public boolean flush() {
            Runnable r = pending;
            pending = null;
            if (r != null) {
                r.run();
            }
            return r != null;
        }

        public int restarts() {
            return restarts;
        }
    }
}
