package io.lineside.ui.station;

import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A station's raw tags (ISA-101 level 4, diagnostics): path, value, quality, source and receive time, age and
 * sequence number, as the tag store holds them. FX thread only; re-read four times a second, and a row is
 * replaced only when what it shows differs.
 */
public final class StationTagsViewModel {

    static final Duration REFRESH = Duration.ofMillis(250);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final StationId station;
    private final TagStore store;
    private final Texts texts;
    private final DateTimeFormatter time;
    private final ObservableList<TagRow> rows = FXCollections.observableArrayList();
    private Instant lastRefresh = Instant.EPOCH;

    public StationTagsViewModel(StationId station, TagStore store, Texts texts, ZoneId zone) {
        this.station = station;
        this.store = store;
        this.texts = texts;
        this.time = TIME.withZone(zone);
    }

    public String title() {
        return texts.get("tags.title", station.toString());
    }

    /** The station's tags in path order. */
    public ObservableList<TagRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    // Commands

    /** Re-reads the tags if a refresh is due. FX thread only. */
    public void pulse(Instant now) {
        if (Duration.between(lastRefresh, now).compareTo(REFRESH) < 0) {
            return;
        }
        lastRefresh = now;
        List<TagPath> paths = new ArrayList<>();
        for (TagPath p : store.paths()) {
            if (p.stationId().equals(station)) {
                paths.add(p);
            }
        }
        paths.sort(Comparator.comparing(TagPath::signal));
        List<TagRow> next = new ArrayList<>(paths.size());
        for (TagPath p : paths) {
            next.add(row(p, store.get(p), now));
        }
        if (next.size() != rows.size()) {
            rows.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!next.get(i).equals(rows.get(i))) {
                rows.set(i, next.get(i));
            }
        }
    }

    private TagRow row(TagPath path, TagValue v, Instant now) {
        String value = v.value() == null ? "\u2014" : v.value() instanceof Double d ? String.valueOf(d) : v.text(); // raw: every digit
        return new TagRow(path.toString(), value, v.quality(), texts.quality(v.quality()), time.format(v.sourceTime()),
                time.format(v.receiveTime()), texts.age(Duration.between(v.receiveTime(), now)),
                v.seq() < 0 ? "\u2014" : Long.toString(v.seq()));
    }
}
