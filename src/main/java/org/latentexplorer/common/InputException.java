package org.latentexplorer.common;

/**
 * A problem with something the user gave us: a file, an argument, a parameter. The message is written
 * for the user (it names the file or argument and what is wrong) and is shown as is, without a stack
 * trace, by the command line and by the window's error dialog.
 */
public class InputException extends RuntimeException {
    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
