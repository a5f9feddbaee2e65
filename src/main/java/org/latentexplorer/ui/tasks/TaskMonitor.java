package org.latentexplorer.ui.tasks;

import java.util.ArrayDeque;
import java.util.Deque;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The visible tasks, newest on top, as properties for the status bar. Touched only on the UI thread
 * (the executors call it there).
 */
public final class TaskMonitor {
    private final Deque<Entry> running = new ArrayDeque<>();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    private static final class Entry {
        final TaskHandle handle;
        double progress = -1;
        String message = "";

        Entry(TaskHandle handle) {
            this.handle = handle;
        }
    }

    void started(TaskHandle handle) {
        running.push(new Entry(handle));
        refresh();
    }

    void progressed(TaskHandle handle, double fraction, String text) {
        for (Entry e : running) {
            if (e.handle == handle) {
                e.progress = fraction;
                e.message = text == null ? "" : text;
            }
        }
        refresh();
    }

    void finished(TaskHandle handle) {
        running.removeIf(e -> e.handle == handle);
        refresh();
    }

    private void refresh() {
        Entry top = running.peek();
        busy.set(top != null);
        title.set(top == null ? "" : top.handle.title());
        message.set(top == null ? "" : top.message);
        progress.set(top == null ? 0 : top.progress);
    }

    /** Cancels the task shown in the status bar. */
    public void cancelCurrent() {
        Entry top = running.peek();
        if (top != null) {
            top.handle.cancel();
            message.set("cancelling…");
        }
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
