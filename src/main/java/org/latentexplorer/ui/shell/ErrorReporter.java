package org.latentexplorer.ui.shell;

import java.util.concurrent.CancellationException;
import org.latentexplorer.common.InputException;

/** Tells the user that something failed: what and where, never a stack trace. */
@FunctionalInterface
public interface ErrorReporter {
    void error(String title, String message);

    /** The message for the user of a failure: InputException messages as they are. */
    static String describe(Throwable t) {
        Throwable cause = t;
        while (!(cause instanceof InputException) && cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        if (cause instanceof InputException) {
            return cause.getMessage();
        }
        if (t instanceof OutOfMemoryError) {
            return "Not enough memory for this operation.";
        }
        String m = t.getMessage();
        return "Unexpected error (" + t.getClass().getSimpleName() + ")" + (m == null ? "" : ": " + m);
    }

    static boolean isCancellation(Throwable t) {
        return t instanceof CancellationException || t instanceof InterruptedException
                || (t.getCause() != null && t.getCause() != t && isCancellation(t.getCause()));
    }
}
