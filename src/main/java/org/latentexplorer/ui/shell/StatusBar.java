package org.latentexplorer.ui.shell;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.latentexplorer.ui.tasks.TaskMonitor;

/** The running task with its progress and a cancel button; otherwise the session's status line. */
public final class StatusBar extends HBox {

    public StatusBar(TaskMonitor monitor, Session session) {
        super(10);
        setId("status-bar");
        setPadding(new Insets(4, 8, 4, 8));
        setAlignment(Pos.CENTER_LEFT);
        setStyle("-fx-background-color: #ececec; -fx-border-color: #d0d0d0 transparent transparent transparent;");
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(session.statusProperty());
        Label task = new Label();
        task.setId("task-title");
        task.textProperty().bind(monitor.titleProperty().concat(monitor.messageProperty().map(m -> m.isEmpty() ? "" : " — " + m)));
        ProgressBar bar = new ProgressBar();
        bar.setPrefWidth(180);
        bar.progressProperty().bind(monitor.progressProperty());
        Button cancel = new Button("Cancel");
        cancel.setId("task-cancel");
        cancel.setOnAction(e -> monitor.cancelCurrent());
        for (var n : new javafx.scene.Node[] {task, bar, cancel}) {
            n.visibleProperty().bind(monitor.busyProperty());
            n.managedProperty().bind(monitor.busyProperty());
        }
        // The status line gives way first; the progress bar and Cancel never shrink.
        status.setMinWidth(0);
        task.setMinWidth(0);
        task.setMaxWidth(420);
        bar.setMinWidth(Region.USE_PREF_SIZE);
        cancel.setMinWidth(Region.USE_PREF_SIZE);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        getChildren().addAll(status, grow, task, bar, cancel);
    }
}
