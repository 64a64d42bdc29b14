package io.lineside.ui.diagnostics;

import io.lineside.ui.Lifecycle;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the ingest refused and why, for engineers: counters with rates, the unknown topics seen most, and
 * the last payload that failed to decode (first bytes in hex). FX thread only; refreshed once a second.
 */
public final class DiagnosticsViewModel implements Lifecycle {

    static final Duration REFRESH = Duration.ofSeconds(1);
    static final int TOPICS_SHOWN = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final Supplier<IngestDiagnostics.Snapshot> snapshots;
    private final Supplier<Map<String, Long>> unknownTopics;
    private final Texts texts;
    private final InspectorViewModel inspector;
    private final ZoneId zone;
    private final ReadOnlyStringWrapper counters = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper lastBad = new ReadOnlyStringWrapper();
    private final ObservableList<String> topics = FXCollections.observableArrayList();
    private Supplier<HistoryCounters> history = () -> null;
    private Instant lastRefresh = Instant.EPOCH;
    private long lastReceived = -1;

    public DiagnosticsViewModel(Supplier<IngestDiagnostics.Snapshot> snapshots, Supplier<Map<String, Long>> unknownTopics,
                                InspectorViewModel inspector, Texts texts, ZoneId zone) {
        this.snapshots = snapshots;
        this.inspector = inspector;
        this.unknownTopics = unknownTopics;
        this.texts = texts;
        this.zone = zone;
    }

    /**
     * The history writer's side (decision 0022): samples not stored since start, how many of them are already gap
     * rows, and how far history is behind.
     */
    public record HistoryCounters(long notStored, long gapped, long behindSeconds) {
    }

    /** Adds the history writer's counters to the list (none until set). Call before the first pulse. */
    public void setHistory(Supplier<HistoryCounters> history) {
        this.history = java.util.Objects.requireNonNull(history, "history");
    }

    /** One line per counter, e.g. "Received: 1,204 (90/s)". */
    public ReadOnlyStringProperty countersProperty() {
        return counters.getReadOnlyProperty();
    }

    /** Topic, time, reason and hex of the last payload that failed to decode, or a "none" text. */
    public ReadOnlyStringProperty lastBadProperty() {
        return lastBad.getReadOnlyProperty();
    }

    /** Unknown topics with their message counts, most frequent first. */
    public ObservableList<String> unknownTopics() {
        return FXCollections.unmodifiableObservableList(topics);
    }

    /** The message inspector tab's view-model. */
    public InspectorViewModel inspector() {
        return inspector;
    }

    // Commands

    /** Re-reads the counters if a refresh is due, and lets the inspector refresh. */
    @Override
    public void pulse(Instant now) {
        inspector.pulse(now);
        Duration since = Duration.between(lastRefresh, now);
        if (since.compareTo(REFRESH) < 0) {
            return;
        }
        IngestDiagnostics.Snapshot s = snapshots.get();
        long rate = lastReceived < 0 ? 0 : Math.round((s.received() - lastReceived) * 1000.0 / Math.max(1, since.toMillis()));
        lastRefresh = now;
        lastReceived = s.received();
        counters.set(String.join("\n",
                texts.get("diag.received", s.received(), rate),
                texts.get("diag.decoded", s.decoded()),
                texts.get("diag.parseErrors", s.parseErrors()),
                texts.get("diag.oversize", s.oversize()),
                texts.get("diag.queueFull", s.queueFull()),
                texts.get("diag.unknown", s.unknownMessages(), s.unknownTopics()),
                texts.get("diag.seqGaps", s.seqGaps()),
                texts.get("diag.late", s.lateMessages()),
                texts.get("diag.duplicates", s.duplicates()),
                texts.get("diag.callbackErrors", s.callbackErrors()),
                texts.get("diag.badValues", s.badValues()),
                texts.get("diag.rebirths", s.rebirthRequests()),
                texts.get("diag.rebirthsSuppressed", s.rebirthsSuppressed()),
                texts.get("diag.discarded", s.discardedValues()),
                texts.get("diag.windowOverflows", s.windowOverflows()),
                texts.get("diag.ignoredDeaths", s.ignoredDeaths()),
                texts.get("diag.outOfRange", s.outOfRange()),
                texts.get("diag.clockSkews", s.clockSkews())));
        HistoryCounters h = history.get();
        if (h != null) {
            counters.set(counters.get() + "\n" + texts.get("diag.historyNotStored", h.notStored(), h.gapped(),
                    h.behindSeconds()));
        }
        IngestDiagnostics.BadPayload bad = s.lastBad();
        lastBad.set(bad == null ? texts.get("diag.noBadPayload") : texts.get("diag.badPayload", bad.topic(),
                TIME.format(bad.time().atZone(zone)), bad.reason(), bad.hexPrefix()));
        List<String> top = unknownTopics.get().entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
                .limit(TOPICS_SHOWN)
                .map(e -> e.getValue() + "  " + e.getKey())
                .toList();
        if (!top.equals(topics)) {
            topics.setAll(top);
        }
    }
}
