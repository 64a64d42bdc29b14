package io.lineside.ui.review;

import io.lineside.alarms.KpiReport;
import io.lineside.ui.Disposable;
import io.lineside.ui.Texts;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** The KPI tab's controller: the figures against their targets, the top-10 bad actors and the priority mix. */
public final class KpiView implements Disposable {

    private final KpiViewModel model;
    private final Texts texts;
    private Subscription subscriptions = Subscription.EMPTY;

    @FXML
    private ChoiceBox<Choice<ReviewRange>> range;
    @FXML
    private Button computeButton;
    @FXML
    private Label message;
    @FXML
    private VBox figures;
    @FXML
    private BarChart<String, Number> badActors;
    @FXML
    private BarChart<String, Number> mix;

    public KpiView(KpiViewModel model, Texts texts) {
        this.model = model;
        this.texts = texts;
    }

    @FXML
    private void initialize() {
        Choice.fill(range, null, ReviewRange.values(), r -> texts.get("review.range." + r.name()));
        range.getSelectionModel().select(ReviewRange.LAST_24_HOURS.ordinal());
        message.textProperty().bind(model.messageProperty());
        computeButton.disableProperty().bind(model.busyProperty());
        subscriptions = Subscription.combine(
                model.linesProperty().subscribe((old, lines) -> showFigures(lines)),
                model.reportProperty().subscribe((old, report) -> showCharts(report)));
        compute();
    }

    @Override
    public void dispose() {
        subscriptions.unsubscribe();
    }

    @FXML
    private void compute() {
        model.compute(range.getValue().value());
    }

    private void showFigures(List<KpiViewModel.Line> lines) {
        figures.getChildren().setAll(lines.stream().map(line -> {
            // Never colour alone: a mark in front says whether the target is met.
            String mark = line.meetsTarget() == null ? "\u2022 " : line.meetsTarget() ? "\u2713 " : "\u2717 ";
            Label label = new Label(mark + line.text());
            label.setWrapText(true);
            label.getStyleClass().add(line.meetsTarget() == null ? "kpi-line"
                    : line.meetsTarget() ? "kpi-line-ok" : "kpi-line-missed");
            return label;
        }).toList());
    }

    private void showCharts(KpiReport report) {
        XYChart.Series<String, Number> actors = new XYChart.Series<>();
        report.badActors().forEach(a -> actors.getData().add(new XYChart.Data<>(a.alarmId(), a.count())));
        badActors.getData().setAll(List.of(actors));
        KpiReport.PriorityMix m = report.priorityMix();
        XYChart.Series<String, Number> actual = new XYChart.Series<>();
        actual.setName(texts.get("kpi.mixActual"));
        XYChart.Series<String, Number> target = new XYChart.Series<>();
        target.setName(texts.get("kpi.mixTarget"));
        add(actual, target, texts.get("priority.LOW"), m.lowPercent(), KpiReport.PriorityMix.TARGET_LOW);
        add(actual, target, texts.get("priority.MEDIUM"), m.mediumPercent(), KpiReport.PriorityMix.TARGET_MEDIUM);
        add(actual, target, texts.get("priority.HIGH") + "+", m.highPercent(), KpiReport.PriorityMix.TARGET_HIGH);
        mix.getData().setAll(List.of(actual, target));
    }

    private static void add(XYChart.Series<String, Number> actual, XYChart.Series<String, Number> target, String name,
                            double value, double goal) {
        actual.getData().add(new XYChart.Data<>(name, value));
        target.getData().add(new XYChart.Data<>(name, goal));
    }
}
