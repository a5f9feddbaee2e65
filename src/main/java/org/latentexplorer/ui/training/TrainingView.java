package org.latentexplorer.ui.training;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** Live curves of a training run; refreshed ten times a second from the ViewModel's queue. */
public final class TrainingView extends VBox {

    public TrainingView(TrainingViewModel vm) {
        super(8);
        setId("training-view");
        setPadding(new Insets(8));
        Label title = new Label();
        title.setId("training-title");
        title.setStyle("-fx-font-weight: bold;");
        title.textProperty().bind(vm.titleProperty());
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
        Label log = new Label();
        log.textProperty().bind(vm.logProperty());

        LineChart<Number, Number> lossChart = chart("−ELBO (nats per example)", vm.lossSeries());
        lossChart.setId("loss-chart");
        LineChart<Number, Number> termChart = chart("Loss terms (nats per example)", vm.termSeries());
        termChart.setId("terms-chart");
        HBox charts = new HBox(8, lossChart, termChart);
        HBox.setHgrow(lossChart, Priority.ALWAYS);
        HBox.setHgrow(termChart, Priority.ALWAYS);
        VBox.setVgrow(charts, Priority.ALWAYS);
        getChildren().addAll(title, row, log, charts);

        // At most ten chart updates a second, however fast the trainer reports.
        Timeline refresh = new Timeline(new KeyFrame(Duration.millis(100), e -> vm.flush()));
        refresh.setCycleCount(Timeline.INDEFINITE);
        refresh.play();
    }

    private static LineChart<Number, Number> chart(String title,
                                                   javafx.collections.ObservableList<javafx.scene.chart.XYChart.Series<Number, Number>> data) {
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
