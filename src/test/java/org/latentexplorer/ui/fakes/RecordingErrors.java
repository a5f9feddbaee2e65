package org.latentexplorer.ui.fakes;

import java.util.ArrayList;
import java.util.List;
import org.latentexplorer.ui.shell.ErrorReporter;

/** Keeps the error dialogs a ViewModel asked for. */
public final class RecordingErrors implements ErrorReporter {
    public final List<String> titles = new ArrayList<>();
    public final List<String> messages = new ArrayList<>();

    @Override
    public void error(String title, String message) {
        titles.add(title);
        messages.add(message);
    }
}
