package org.latentexplorer.ui.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.util.Duration;
import org.latentexplorer.ui.shell.FileDialogs;

/**
 * The curves of the open model's stored history, or of a run live (refreshed ten times a second from
 * the ViewModel's queue), with the terms on a log axis when they differ a lot, and their export.
 */
public final class TrainingView extends VBox {
    private final HBox charts;

    public TrainingView(TrainingViewModel vm, FileDialogs files) {
        super(8);
        setId("training-view");
        setPadding(new Insets(8));
        Label title = new Label();
        title.setId("training-title");
        title.setStyle("-fx-font-weight: bold;");
        title.setWrapText(true);
        title.textProperty().bind(vm.titleProperty());
        Label command = new Label();
        command.setId("training-command");
        command.setWrapText(true);
        command.setStyle("-fx-font-family: monospace;");
        command.textProperty().bind(vm.commandProperty());
        command.managedProperty().bind(command.textProperty().isNotEmpty());
        command.visibleProperty().bind(command.managedProperty());

        HBox run = runRow(vm);
        Label log = new Label();
        log.textProperty().bind(vm.logProperty());

        LineChart<Number, Number> lossChart = chart("−ELBO (nats per example)", vm.lossSeries());
        lossChart.setId("loss-chart");
        LineChart<Number, Number> termChart = chart("Loss terms (nats per example)", vm.termSeries());
        termChart.setId("terms-chart");
        charts = new HBox(8, lossChart, termChart);
        charts.setStyle("-fx-background-color: white;");
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(termChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(title, command, run, log, tools(vm, files), charts);

        NumberAxis termAxis = (NumberAxis) termChart.getYAxis();
        // On log10 values the zero line would mark 1 nat as if it were special.
        termChart.horizontalZeroLineVisibleProperty().bind(vm.logScaleProperty().not());
        Runnable axis = () -> LogAxis.update(termAxis, vm.logScaleProperty().get(), vm.termSeries());
        vm.logScaleProperty().addListener((o, was, now) -> axis.run());
        // At most ten chart updates a second, however fast the trainer reports.
        Timeline refresh = new Timeline(new KeyFrame(Duration.millis(100), e -> {
            vm.flush();
            axis.run();
        }));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    /** Progress of a run; hidden while the screen shows a stored history, where it would read as 0 %. */
    private static HBox runRow(TrainingViewModel vm) {
        ProgressBar bar = new ProgressBar();
        bar.setId("training-progress");
        bar.setPrefWidth(260);
        bar.progressProperty().bind(vm.progressProperty());
        Label eta = new Label();
        eta.textProperty().bind(vm.etaProperty());
        Label speed = new Label();
        speed.setId("training-speed");
        speed.textProperty().bind(vm.speedProperty());
        Button cancel = new Button("Cancel training");
        cancel.setId("training-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setOnAction(e -> vm.cancel());
        HBox row = new HBox(12, bar, eta, speed, cancel);
        row.setAlignment(Pos.CENTER_LEFT);
        row.managedProperty().bind(vm.runningProperty().or(vm.progressProperty().greaterThan(0)));
        row.visibleProperty().bind(row.managedProperty());
        return row;
    }

    private HBox tools(TrainingViewModel vm, FileDialogs files) {
        CheckBox logScale = new CheckBox("Log scale for the terms");
        logScale.setId("training-log-scale");
        logScale.selectedProperty().bindBidirectional(vm.logScaleProperty());
        Label hidden = new Label();
        hidden.setId("training-hidden");
        hidden.textProperty().bind(vm.hiddenProperty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button csv = new Button("Export CSV…");
        csv.setId("training-export-csv");
        csv.setOnAction(e -> files.save("Export the training curves", vm.exportName() + ".csv", "csv")
                .ifPresent(vm::exportCsv));
        Button png = new Button("Export PNG…");
        png.setId("training-export-png");
        png.setOnAction(e -> files.save("Export the training charts", vm.exportName() + ".png", "png")
                .ifPresent(f -> vm.exportPng(f, snapshot())));
        csv.disableProperty().bind(Bindings.isEmpty(vm.lossSeries()));
        png.disableProperty().bind(csv.disableProperty());
        HBox row = new HBox(12, logScale, hidden, gap, csv, png);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    /** The two charts as an image, on white (the screen's background may be a theme's grey). */
    private javafx.scene.image.WritableImage snapshot() {
        SnapshotParameters p = new SnapshotParameters();
        p.setFill(Color.WHITE);
        return charts.snapshot(p, null);
    }

    private static LineChart<Number, Number> chart(String title, ObservableList<XYChart.Series<Number, Number>> data) {
        NumberAxis x = new NumberAxis();
        x.setLabel("epoch");
        x.setForceZeroInRange(true);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y, data);
        c.setTitle(title);
        c.setCreateSymbols(false);
        c.setAnimated(false);
        c.setMinWidth(200);
        return c;
    }
}
