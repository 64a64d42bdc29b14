package io.lineside.ui.shell;

import io.lineside.ui.Lifecycle;
import io.lineside.telemetry.ConnectionState;
import io.lineside.telemetry.ConnectionStatus;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The window frame: connection indicator, ingest and history counters, data location.
 * FX thread only; polls its sources a few times a second from the pulse.
 */
public final class MainViewModel implements Lifecycle {

    /** What the shell reads each refresh; every supplier is safe to call from the FX thread. */
    public record Sources(Supplier<ConnectionStatus> connection, Supplier<IngestDiagnostics.Snapshot> ingest,
                          Supplier<HistoryStatus> history, String dataDir, boolean demo,
                          Supplier<AlarmStatus> alarms) {

        /** Without an alarm evaluator to watch. */
        public Sources(Supplier<ConnectionStatus> connection, Supplier<IngestDiagnostics.Snapshot> ingest,
                       Supplier<HistoryStatus> history, String dataDir, boolean demo) {
            this(connection, ingest, history, dataDir, demo, () -> AlarmStatus.ON_TIME);
        }
    }

    /**
     * The alarm evaluator as the status bar shows it.
     *
     * @param delayed   true while it coalesces updates because it cannot take each one
     * @param coalesced updates coalesced so far
     */
    /**
     * @param restored annunciated alarms whose state was restored from the journal at start-up and no fresh value
     *                 has confirmed yet
     */
    public record AlarmStatus(boolean delayed, long coalesced, int restored) {
        public static final AlarmStatus ON_TIME = new AlarmStatus(false, 0, 0);

        public AlarmStatus(boolean delayed, long coalesced) {
            this(delayed, coalesced, 0);
        }
    }

    /** "Alarm evaluation delayed" stays this long after the last coalesced update, so a short burst is seen. */
    static final Duration ALARM_DELAY_SHOWN = Duration.ofSeconds(5);

    /**
     * The history writer's counters as the status bar shows them.
     *
     * @param written    samples committed
     * @param dropped    samples not stored since start (each written as a gap row, decision 0022)
     * @param behind     true while history lags the live values (the live view itself stays live)
     * @param lagSeconds how far history is behind while {@code behind}
     * @param notStored  samples not stored since history last caught up
     */
    public record HistoryStatus(long written, long dropped, String lastError, boolean behind, long lagSeconds,
                                long notStored) {

        public HistoryStatus(long written, long dropped, String lastError) {
            this(written, dropped, lastError, false, 0, 0);
        }
    }

    private static final Duration REFRESH = Duration.ofMillis(250);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Sources sources;
    private final Texts texts;
    private final ZoneId zone;
    private final ReadOnlyObjectWrapper<ConnectionState> connectionState = new ReadOnlyObjectWrapper<>(ConnectionState.CONNECTING);
    private final ReadOnlyStringWrapper connectionText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper connectionDetail = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper ingestText = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper historyText = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper historyDelayed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper alarmDelayedText = new ReadOnlyStringWrapper("");
    private long lastCoalesced;
    private Instant alarmDelayedUntil = Instant.MIN;
    private Instant lastRefresh = Instant.EPOCH;
    private Runnable onOpenDiagnostics = () -> { };
    private Runnable onOpenReview = () -> { };

    public MainViewModel(Sources sources, Texts texts, ZoneId zone) {
        this.sources = sources;
        this.texts = texts;
        this.zone = zone;
    }

    public String title() {
        return texts.get("app.title") + (sources.demo() ? " \u2014 " + texts.get("app.demo") : "");
    }

    /** The plant time zone every view shows times in (the header says it once for all). */
    public String zoneText() {
        return texts.get("shift.zone", zone.getId());
    }

    public String dataDirText() {
        return texts.get("status.dataDir", sources.dataDir());
    }

    public ReadOnlyObjectProperty<ConnectionState> connectionStateProperty() {
        return connectionState.getReadOnlyProperty();
    }

    /** "Online · since 08:01:02", with " · reconnects: 2" once the link has been lost and regained. */
    public ReadOnlyStringProperty connectionTextProperty() {
        return connectionText.getReadOnlyProperty();
    }

    /** Why the link is down, in operator words, or empty. */
    public ReadOnlyStringProperty connectionDetailProperty() {
        return connectionDetail.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ingestTextProperty() {
        return ingestText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty historyTextProperty() {
        return historyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty historyDelayedProperty() {
        return historyDelayed.getReadOnlyProperty();
    }

    /**
     * "Alarm evaluation delayed: n updates coalesced" while the evaluator is (or just was) behind, and "n alarm states
     * restored from the journal" while restored alarms await a fresh value; else empty.
     */
    public ReadOnlyStringProperty alarmDelayedTextProperty() {
        return alarmDelayedText.getReadOnlyProperty();
    }

    /** Who opens the diagnostics window when the operator asks for it. */
    /** Where {@link #openReview()} goes (the window that hosts this model sets it). */
    public void setOnOpenReview(Runnable handler) {
        this.onOpenReview = handler;
    }

    /** Opens the alarm journal and KPIs. */
    public void openReview() {
        onOpenReview.run();
    }

    public void setOnOpenDiagnostics(Runnable handler) {
        this.onOpenDiagnostics = handler;
    }

    // Commands

    public void openDiagnostics() {
        onOpenDiagnostics.run();
    }

    /** Re-reads the sources if a refresh is due. FX thread only. */
    @Override
    public void pulse(Instant now) {
        if (Duration.between(lastRefresh, now).compareTo(REFRESH) < 0) {
            return;
        }
        lastRefresh = now;
        ConnectionStatus c = sources.connection().get();
        connectionState.set(c.state());
        // The header has no room for a count that says nothing: reconnects appear once there has been one.
        connectionText.set(texts.get("connection." + c.state().name()) + " \u00B7 "
                + texts.get("connection.since", CLOCK.format(c.since().atZone(zone)))
                + (c.reconnects() > 0 ? " \u00B7 " + texts.get("connection.reconnects", c.reconnects()) : ""));
        connectionDetail.set(c.detail());
        IngestDiagnostics.Snapshot d = sources.ingest().get();
        long rejected = d.oversize() + d.queueFull() + d.parseErrors() + d.unknownMessages();
        ingestText.set(texts.get("status.messages", d.received()) + "   " + texts.get("status.errors", rejected));
        HistoryStatus h = sources.history().get();
        historyDelayed.set(h.dropped() > 0 || h.lastError() != null || h.behind());
        historyText.set(h.behind() ? texts.get("status.historyLagging", h.lagSeconds(), h.notStored())
                : (h.dropped() > 0 ? texts.get("status.historyGapped", h.written(), h.dropped())
                : texts.get("status.history", h.written())) + (h.lastError() == null ? "" : " \u2014 " + h.lastError()));
        AlarmStatus a = sources.alarms().get();
        if (a.delayed() || a.coalesced() != lastCoalesced) {
            alarmDelayedUntil = now.plus(ALARM_DELAY_SHOWN);
        }
        lastCoalesced = a.coalesced();
        String delayed = now.isBefore(alarmDelayedUntil) ? texts.get("status.alarmsDelayed", a.coalesced()) : "";
        String restored = a.restored() > 0 ? texts.get("status.alarmsRestored", a.restored()) : "";
        alarmDelayedText.set(delayed.isEmpty() || restored.isEmpty() ? delayed + restored
                : delayed + " \u00B7 " + restored);
    }
}
