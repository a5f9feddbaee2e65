package org.latentexplorer.ui.map;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The parameters of the chosen projection, checked as they are typed: a value out of range or not a
 * number shows why under the fields and keeps "Project" disabled until it is right.
 */
final class ProjectionParametersDialog extends Dialog<Map<String, Number>> {

    ProjectionParametersDialog(Window owner, String method, Map<String, Number> current) {
        initOwner(owner);
        setTitle(method + " parameters");
        setHeaderText("Parameters of " + method + " (the layout is cached on disk per parameters)");
        List<ProjectionParameters.Parameter> params = ProjectionParameters.of(method);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        List<TextField> fields = new ArrayList<>();
        Label problem = new Label();
        problem.setId("projection-parameter-problem");
        problem.setStyle("-fx-text-fill: #b00020;");
        problem.setWrapText(true);
        ButtonType project = new ButtonType("Project", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(project, ButtonType.CANCEL);
        Runnable check = () -> {
            String first = null;
            for (int i = 0; i < params.size(); i++) {
                Object r = params.get(i).check(fields.get(i).getText());
                boolean bad = r instanceof String;
                fields.get(i).setStyle(bad ? "-fx-border-color: #b00020;" : "");
                if (bad && first == null) {
                    first = (String) r;
                }
            }
            problem.setText(first == null ? "" : first);
            getDialogPane().lookupButton(project).setDisable(first != null);
        };
        for (int i = 0; i < params.size(); i++) {
            ProjectionParameters.Parameter p = params.get(i);
            Label label = new Label(p.label());
            TextField field = new TextField(format(current.getOrDefault(p.key(), p.fallback())));
            field.setId("projection-" + p.key());
            field.setPrefColumnCount(8);
            Tooltip tip = new Tooltip(p.help());
            tip.setWrapText(true);
            tip.setMaxWidth(360);
            label.setTooltip(tip);
            field.setTooltip(tip);
            field.textProperty().addListener((o, a, b) -> check.run());
            fields.add(field);
            grid.addRow(i, label, field);
        }
        getDialogPane().setContent(new VBox(8, grid, problem));
        check.run();
        setResultConverter(b -> {
            if (b != project) {
                return null;
            }
            Map<String, Number> out = new LinkedHashMap<>();
            for (int i = 0; i < params.size(); i++) {
                out.put(params.get(i).key(), (Number) params.get(i).check(fields.get(i).getText()));
            }
            return out;
        });
    }

    private static String format(Number n) {
        double v = n.doubleValue();
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }

    Optional<Map<String, Number>> ask() {
        return showAndWait();
    }
}
