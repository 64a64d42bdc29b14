package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
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
        temperatureChart.getData().setAll(segments(data.signals().get("temperature")));
        speedChart.getData().setAll(segments(data.signals().get("speed")));
    }

    /** One series per unbroken run of buckets, so gaps and bad stretches are drawn as breaks. */
    private static List<XYChart.Series<Number, Number>> segments(List<TrendBucket> buckets) {
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        XYChart.Series<Number, Number> current = null;
        Instant expected = null;
        for (TrendBucket b : buckets == null ? List.<TrendBucket>of() : buckets) {
            if (!b.hasGoodValues()) {
                current = null;
                continue;
            }
            if (current == null || !b.start().equals(expected)) {
                current = new XYChart.Series<>();
                series.add(current);
            }
            double t0 = b.start().toEpochMilli() / 1000.0;
            double mid = (b.start().toEpochMilli() + b.end().toEpochMilli()) / 2000.0;
            current.getData().add(new XYChart.Data<>(t0, b.first() <= b.last() ? b.min() : b.max()));
            current.getData().add(new XYChart.Data<>(mid, b.first() <= b.last() ? b.max() : b.min()));
            expected = b.end();
        }
        return series;
    }
}
