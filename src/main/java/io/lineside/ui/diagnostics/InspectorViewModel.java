package io.lineside.ui.diagnostics;

import io.lineside.telemetry.inspect.InspectedMessage;
import io.lineside.telemetry.inspect.MessageInspector;
import io.lineside.telemetry.inspect.TopicFilter;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The topic/payload inspector for engineers: the last messages (or the last one per topic) with their decoded
 * form, a topic filter with MQTT wildcards, pause/resume and a detail pane. Captures only while open and not
 * paused; the table is rebuilt in the pulse at most every {@link #REFRESH}, and only when something new arrived.
 * FX thread only.
 */
public final class InspectorViewModel {

    static final Duration REFRESH = Duration.ofMillis(250);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final MessageInspector inspector;
    private final Texts texts;
    private final ZoneId zone;
    private final StringProperty filterText = new SimpleStringProperty("");
    private final BooleanProperty latestPerTopic = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper filterError = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<InspectorRow> rows = FXCollections.observableArrayList();
    private boolean open;
    private long shownVersion = -1;
    private boolean shownLatest;
    private Instant lastRefresh = Instant.EPOCH;

    public InspectorViewModel(MessageInspector inspector, Texts texts, ZoneId zone) {
        this.inspector = inspector;
        this.texts = texts;
        this.zone = zone;
        latestPerTopic.addListener((o, was, now) -> shownVersion = -1); // rebuild on the next pulse
        filterText.set(inspector.filter() == TopicFilter.ALL ? "" : inspector.filter().text());
    }

    /** The topic filter as typed (MQTT wildcards; blank for all); applied by {@link #applyFilter}. */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Show the last message of each topic instead of the message stream. */
    public BooleanProperty latestPerTopicProperty() {
        return latestPerTopic;
    }

    /** Why the typed filter was refused, or empty. */
    public ReadOnlyStringProperty filterErrorProperty() {
        return filterError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    /** Everything known about the selected message: how it arrived, decoded form, first bytes as text and hex. */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /** Captured, dropped, and whether capture is running. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Newest first. */
    public ObservableList<InspectorRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    // Commands

    /** The inspector became visible (true) or hidden: capture runs only while it is visible and not paused. */
    public void setOpen(boolean visible) {
        open = visible;
        inspector.setWatching(open && !paused.get());
        updateStatus();
    }

    public void togglePause() {
        paused.set(!paused.get());
        setOpen(open);
    }

    /** Captures only what the typed filter selects from now on; a malformed filter is refused with the reason. */
    public void applyFilter() {
        try {
            inspector.setFilter(TopicFilter.parse(filterText.get()));
            filterError.set("");
        } catch (IllegalArgumentException e) {
            filterError.set(texts.get("inspector.badFilter", e.getMessage()));
        }
    }

    public void clear() {
        inspector.clear();
        detail.set("");
    }

    /** Shows {@code row} in the detail pane; null (a refresh cleared the selection) keeps what is shown. */
    public void select(InspectorRow row) {
        if (row != null) {
            detail.set(describe(row.message()));
        }
    }

    /** Rebuilds the table when something new was captured and a refresh is due. */
    public void pulse(Instant now) {
        if (!open || Duration.between(lastRefresh, now).compareTo(REFRESH) < 0) {
            return;
        }
        lastRefresh = now;
        long version = inspector.version();
        if (version != shownVersion || shownLatest != latestPerTopic.get()) {
            shownVersion = version;
            shownLatest = latestPerTopic.get();
            List<InspectedMessage> messages = shownLatest ? inspector.latestPerTopic() : inspector.recent().reversed();
            rows.setAll(messages.stream().map(this::row).toList());
        }
        updateStatus();
    }

    private InspectorRow row(InspectedMessage m) {
        return new InspectorRow(Long.toString(m.number()), TIME.format(m.received().atZone(zone)), m.topic(),
                m.qos() + (m.retained() ? " R" : ""), Integer.toString(m.size()), m.summary(), m.error(), m);
    }

    private String describe(InspectedMessage m) {
        return texts.get("inspector.detail", m.number(), TIME.format(m.received().atZone(zone)), m.topic(), m.qos(),
                m.retained() ? texts.get("inspector.yes") : texts.get("inspector.no"), m.size())
                + "\n\n" + m.detail()
                + "\n\n" + texts.get(m.truncated() ? "inspector.headTruncated" : "inspector.head", m.head().length)
                + "\n" + m.headText() + "\n\n" + m.headHex();
    }

    private void updateStatus() {
        String state = !open ? "" : paused.get() ? texts.get("inspector.paused") : texts.get("inspector.capturing");
        status.set(texts.get("inspector.status", inspector.recent().size(), inspector.dropped(), state));
    }
}
