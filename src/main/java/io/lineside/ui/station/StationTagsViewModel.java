package io.lineside.ui.station;

import io.lineside.tags.DirtyTracker;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * A station's raw tags (ISA-101 level 4, diagnostics): path, value, quality, source and receive time, age and
 * sequence number, as the tag store holds them. FX thread only. It reads the store once when it opens, then only
 * the tags its {@link DirtyTracker} reports changed (a new tag of the station adds a row); ages are re-derived from
 * the values it holds, four times a second. A row is replaced only when what it shows differs. {@link #dispose}
 * stops the tracking.
 */
public final class StationTagsViewModel {

    static final Duration REFRESH = Duration.ofMillis(250);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final StationId station;
    private final TagStore store;
    private final Texts texts;
    private final DateTimeFormatter time;
    private final DirtyTracker tracker;
    private final ObservableList<TagRow> rows = FXCollections.observableArrayList();
    /** The value behind each row, in row order (path order). */
    private final List<TagPath> paths = new ArrayList<>();
    private final Map<TagPath, TagValue> values = new HashMap<>();
    private final Set<TagPath> changed = new LinkedHashSet<>();
    private Instant lastRefresh = Instant.EPOCH;

    public StationTagsViewModel(StationId station, TagStore store, Texts texts, ZoneId zone) {
        this.station = station;
        this.store = store;
        this.texts = texts;
        this.time = TIME.withZone(zone);
        this.tracker = store.newTracker(); // before the full read: nothing changed in between is missed
        for (TagPath p : store.paths()) {
            if (p.stationId().equals(station)) {
                changed.add(p);
            }
        }
    }

    public String title() {
        return texts.get("tags.title", station.toString());
    }

    /** The station's tags in path order. */
    public ObservableList<TagRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    // Commands

    /**
     * Takes the station's changed tags, and re-derives the ages if a refresh is due. FX thread only.
     *
     * @return how many tags it read from the store (0 when nothing changed)
     */
    public int pulse(Instant now) {
        tracker.drain(p -> {
            if (p.stationId().equals(station)) {
                changed.add(p);
            }
        });
        int read = changed.size();
        boolean due = Duration.between(lastRefresh, now).compareTo(REFRESH) >= 0;
        if (read == 0 && !due) {
            return 0;
        }
        for (TagPath p : changed) {
            TagValue v = store.get(p);
            if (v == null) {
                continue;
            }
            if (values.put(p, v) == null) {
                int at = -Collections.binarySearch(paths, p, BY_SIGNAL) - 1;
                paths.add(at, p);
                rows.add(at, row(p, v, now));
            } else {
                set(paths.indexOf(p), row(p, v, now));
            }
        }
        changed.clear();
        if (due) {
            lastRefresh = now;
            for (int i = 0; i < paths.size(); i++) {
                set(i, row(paths.get(i), values.get(paths.get(i)), now));
            }
        }
        return read;
    }

    /** Stops listening to the store. */
    public void dispose() {
        tracker.close();
    }

    private static final Comparator<TagPath> BY_SIGNAL = Comparator.comparing(TagPath::signal);

    private void set(int i, TagRow row) {
        if (!row.equals(rows.get(i))) {
            rows.set(i, row);
        }
    }

    private TagRow row(TagPath path, TagValue v, Instant now) {
        String value = v.value() == null ? "\u2014" : v.value() instanceof Double d ? String.valueOf(d) : v.text(); // raw: every digit
        return new TagRow(path.toString(), value, v.quality(), texts.quality(v.quality()), time.format(v.sourceTime()),
                time.format(v.receiveTime()), texts.age(Duration.between(v.receiveTime(), now)),
                v.seq() < 0 ? "\u2014" : Long.toString(v.seq()));
    }
}
