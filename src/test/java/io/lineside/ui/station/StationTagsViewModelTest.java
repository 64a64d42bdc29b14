package io.lineside.ui.station;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

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
}
