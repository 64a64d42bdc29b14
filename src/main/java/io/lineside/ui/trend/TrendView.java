package io.lineside.ui.trend;

import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.util.StringConverter;

/**
 * Draws {@link TrendViewModel.TrendData}: per bucket the min and the max (the pixel column's extent),
 * and a break wherever the history has a gap or no GOOD value.
 */
public final class TrendView {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final TrendViewModel model;
    private final Texts texts;
    private final ZoneId zone;

    @FXML
    private Label title;
    @FXML
    private Label message;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private LineChart<Number, Number> temperatureChart;
    @FXML
    private NumberAxis temperatureTime;
    @FXML
    private LineChart<Number, Number> speedChart;
    @FXML
    private NumberAxis speedTime;

    public TrendView(TrendViewModel model, Texts texts, ZoneId zone) {
        this.model = model;
        this.texts = texts;
        this.zone = zone;
    }

    @FXML
    private void initialize() {
        title.textProperty().bind(model.titleProperty());
        message.textProperty().bind(model.messageProperty());
        busy.visibleProperty().bind(model.busyProperty());
        for (LineChart<Number, Number> chart : List.of(temperatureChart, speedChart)) {
            chart.visibleProperty().bind(model.dataProperty().isNotNull());
            chart.managedProperty().bind(chart.visibleProperty());
        }
        temperatureChart.setTitle(texts.get("tile.temperature") + " (" + texts.get("unit.temperature") + ")");
        speedChart.setTitle(texts.get("tile.speed") + " (" + texts.get("unit.speed") + ")");
        for (NumberAxis axis : List.of(temperatureTime, speedTime)) {
            axis.setTickLabelFormatter(new StringConverter<>() {
                @Override
                public String toString(Number epochSecond) {
                    return CLOCK.format(Instant.ofEpochSecond(epochSecond.longValue()).atZone(zone));
                }

                @Override
                public Number fromString(String text) {
                    return 0;
                }
            });
        }
        model.dataProperty().addListener((obs, old, data) -> show(data));
    }

    private void show(TrendViewModel.TrendData data) {
        if (data == null) {
            temperatureChart.getData().clear();
            speedChart.getData().clear();
            return;
        }
        for (NumberAxis axis : List.of(temperatureTime, speedTime)) {
            axis.setLowerBound(data.from().getEpochSecond());
            axis.setUpperBound(data.to().getEpochSecond());
            axis.setTickUnit(180);
        }
        temperatureChart.getData().setAll(series(data.segments("temperature")));
        speedChart.getData().setAll(series(data.segments("speed")));
    }

    /** One series per unbroken run, so gaps and bad stretches are drawn as breaks. */
    private static List<XYChart.Series<Number, Number>> series(List<List<TrendSegments.Point>> runs) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        for (List<TrendSegments.Point> run : runs) {
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            for (TrendSegments.Point p : run) {
                s.getData().add(new XYChart.Data<>(p.time(), p.value()));
            }
            series.add(s);
        }
        return series;
    }
}
