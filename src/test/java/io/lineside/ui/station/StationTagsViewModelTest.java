package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The diagnostics level's raw tags without the toolkit. */
class StationTagsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");

    private final TagStore store = new TagStore();
    private final StationTagsViewModel model = new StationTagsViewModel(PRESS, store, Texts.forLocale(Locale.ENGLISH),
            ZoneOffset.UTC);

    @Test
    void listsTheStationsRawTagsWithQualityTimesAgeAndSequence() {
        store.apply(new TagUpdate(PRESS.signal("temperature"),
                new TagValue(45.125, T0.minusMillis(250), T0, Quality.GOOD, 41)));
        store.apply(new TagUpdate(PRESS.signal("state"), new TagValue(null, T0, T0, Quality.BAD, -1)));
        store.apply(new TagUpdate(new StationId("demo", "assembly", "line-1", "weld").signal("speed"),
                TagValue.good(30, T0, T0, 1)));
        model.pulse(T0.plusSeconds(3));
        assertEquals(List.of(
                new TagRow("demo/assembly/line-1/press/state", "\u2014", Quality.BAD, "Bad", "08:00:00.000",
                        "08:00:00.000", "3.0 s", "\u2014"),
                new TagRow("demo/assembly/line-1/press/temperature", "45.125", Quality.GOOD, "Good", "07:59:59.750",
                        "08:00:00.000", "3.0 s", "41")), model.rows());
        assertEquals("Raw tags \u2014 demo/assembly/line-1/press", model.title());
    }

    @Test
    void aRowIsReplacedOnlyWhenItReadsDifferently() {
        store.apply(new TagUpdate(PRESS.signal("speed"), TagValue.good(30, T0, T0, 1)));
        model.pulse(T0.plusSeconds(20));
        TagRow first = model.rows().getFirst();
        assertEquals("20 s", first.age());
        model.pulse(T0.plusMillis(20_600)); // still "20 s": the same row object, no change event
        assertSame(first, model.rows().getFirst());
        model.pulse(T0.plusSeconds(21));
        assertEquals("21 s", model.rows().getFirst().age());
        store.apply(new TagUpdate(PRESS.signal("speed"), TagValue.good(31, T0.plusSeconds(21), T0.plusSeconds(21), 2)));
        model.pulse(T0.plusMillis(21_300));
        assertEquals("31.0", model.rows().getFirst().value());
        assertEquals("2", model.rows().getFirst().seq());
    }

    @Test
    void followsChangesThroughItsTrackerAndDoesNoWorkWhenNothingChanges() {
        store.apply(new TagUpdate(PRESS.signal("speed"), TagValue.good(30, T0, T0, 1)));
        store.apply(new TagUpdate(PRESS.signal("temperature"), TagValue.good(45, T0, T0, 1)));
        StationTagsViewModel opened = new StationTagsViewModel(PRESS, store, Texts.forLocale(Locale.ENGLISH),
                ZoneOffset.UTC);
        assertEquals(2, opened.pulse(T0.plusSeconds(20)), "the full read when it opens");
        List<TagRow> before = List.copyOf(opened.rows());
        assertEquals(0, opened.pulse(T0.plusMillis(20100)), "nothing changed: no tag read");
        assertEquals(0, opened.pulse(T0.plusMillis(20400)), "ages re-derived from what it holds, no tag read");
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), opened.rows().get(i), "same age text: the same row, no change event");
        }

        store.apply(new TagUpdate(PRESS.signal("temperature"), TagValue.good(46.5, T0, T0.plusMillis(450), 2)));
        store.apply(new TagUpdate(new StationId("demo", "assembly", "line-1", "weld").signal("speed"),
                TagValue.good(31, T0, T0, 1)));
        assertEquals(1, opened.pulse(T0.plusMillis(20500)), "only this station's changed tag");
        assertSame(before.getFirst(), opened.rows().getFirst(), "speed untouched");
        assertEquals("46.5", opened.rows().get(1).value());

        store.apply(new TagUpdate(PRESS.signal("cycles"), TagValue.good(7, T0, T0.plusMillis(550), 1)));
        assertEquals(1, opened.pulse(T0.plusMillis(20600)));
        assertEquals(List.of("cycles", "speed", "temperature"),
                opened.rows().stream().map(r -> r.path().substring(r.path().lastIndexOf('/') + 1)).toList(),
                "a new tag of the station gets its row, in path order");

        int readers = store.readerCount();
        opened.dispose();
        assertEquals(readers - 1, store.readerCount(), "the tracker is closed");
        assertTrue(store.readerCount() >= 0);
    }
}
