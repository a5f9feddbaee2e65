package org.latentexplorer.data;

import java.util.Locale;
import org.latentexplorer.common.InputException;

/** Which part of a data set to load. Each named data set documents what its splits contain. */
public enum Split {
    TRAIN, TEST, ALL;

    /** Parses "train", "test" or "all" (any case); anything else is an {@link InputException}. */
    public static Split parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new InputException("split must be train, test or all, got '" + text + "'");
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
