package io.lineside.ui.trend;

import io.lineside.history.TrendBucket;
import io.lineside.tags.StationId;
import io.lineside.tags.TagGap;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The last 15 minutes of a station's numeric signals, down-sampled in the database and refreshed every
 * few seconds while open. Queries run on the background executor; results land through the FX executor.
 * Methods are FX thread only.
 */
public final class TrendViewModel {

    /**
     * What the charts draw: one bucket list per signal over a window, and each signal's recorded gaps (telemetry
     * known to be missing), across which no line is drawn.
     */
    public record TrendData(StationId station, Instant from, Instant to, Map<String, List<TrendBucket>> signals,
                            Map<String, List<TagGap>> gaps) {

        /** The unbroken runs of {@code signal}'s line; see {@link TrendSegments}. */
        public List<List<TrendSegments.Point>> segments(String signal) {
            return TrendSegments.split(signals.get(signal), gaps.getOrDefault(signal, List.of()));
        }
    }

    public static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** About one bucket per horizontal pixel of a trend chart. */
    static final int BUCKETS = 300;
    static final List<String> SIGNALS = List.of("temperature", "speed");

    private final TrendSource source;
    private final Executor background;
    private final Executor fx;
    private final Texts texts;
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TrendData> data = new ReadOnlyObjectWrapper<>();
    private StationId station;
    /** A fixed window (around an alarm), or null to follow live time. */
    private Instant fixedFrom;
    private Instant fixedTo;
    private Instant lastLoad = Instant.EPOCH;
    private long generation;

    public TrendViewModel(TrendSource source, Executor background, Executor fx, Texts texts) {
        this.source = source;
        this.background = background;
        this.fx = fx;
        this.texts = texts;
        message.set(texts.get("trend.empty"));
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** A hint or an error in operator words; empty when the charts speak for themselves. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** True while a query is running. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TrendData> dataProperty() {
        return data.getReadOnlyProperty();
    }

    // Commands

    /** Shows {@code id}'s trend, loading it now. */
    public void open(StationId id, Instant now) {
        fixedFrom = null;
        fixedTo = null;
        show(id, texts.get("trend.title", id.line() + " / " + id.station()), now);
    }

    /**
     * Shows {@code id}'s trend from {@code span} before to {@code span} after {@code time} (an alarm); it keeps
     * reloading only until that window has passed.
     */
    public void openAround(StationId id, Instant time, Duration span, Instant now, String timeText) {
        fixedFrom = time.minus(span);
        fixedTo = time.plus(span);
        show(id, texts.get("trend.alarmTitle", id.line() + " / " + id.station(), timeText), now);
    }

    private void show(StationId id, String heading, Instant now) {
        station = id;
        generation++;
        title.set(heading);
        message.set(texts.get("trend.loading"));
        data.set(null);
        load(now);
    }

    /** Follows live time: reloads every {@link #REFRESH} while a station is open and no query runs. */
    public void pulse(Instant now) {
        boolean moving = fixedTo == null || !lastLoad.isAfter(fixedTo);
        if (station != null && moving && !busy.get() && Duration.between(lastLoad, now).compareTo(REFRESH) >= 0) {
            load(now);
        }
    }

    private void load(Instant now) {
        StationId id = station;
        long gen = generation;
        Instant from = fixedFrom == null ? now.minus(WINDOW) : fixedFrom;
        Instant to = fixedTo == null ? now : fixedTo;
        lastLoad = now;
        busy.set(true);
        background.execute(() -> {
            Map<String, List<TrendBucket>> result = new LinkedHashMap<>();
            Map<String, List<TagGap>> gaps = new LinkedHashMap<>();
            String error = null;
            try {
                for (String signal : SIGNALS) {
                    result.put(signal, source.trend(id.signal(signal), from, to, BUCKETS));
                    gaps.put(signal, source.gaps(id.signal(signal), from, to));
                }
            } catch (Exception e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
            String failure = error;
            fx.execute(() -> applyResult(gen, new TrendData(id, from, to, result, gaps), failure));
        });
    }

    private void applyResult(long gen, TrendData result, String error) {
        if (gen != generation) {
            return;
        }
        busy.set(false);
        if (error != null) {
            message.set(texts.get("trend.failed", error));
            return;
        }
        boolean empty = result.signals().values().stream().allMatch(List::isEmpty);
        message.set(empty ? texts.get("trend.noData") : "");
        data.set(result);
    }
}
