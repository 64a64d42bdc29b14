package io.lineside.ui.workshop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Units from the mapping's tag metadata, and the out-of-range / clock-skew flags, as a tile shows them. */
class StationTileUnitsTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final StationId PRESS = new StationId("demo", "assembly", "line-1", "press");

    private final TagStore store = new TagStore();
    private final WorkshopViewModel model = new WorkshopViewModel(store, Texts.forLocale(Locale.ENGLISH),
            Duration.ofDays(1));

    private void publish(String signal, TagValue value) {
        store.apply(new TagUpdate(PRESS.signal(signal), value));
    }

    @Test
    void valuesShowTheUnitTheMappingGivesElseNone() {
        store.describe(PRESS.signal("temperature"), new TagMeta("°F", 0, 500, null));
        publish("temperature", TagValue.good(181.5, T0, T0, 1));
        publish("speed", TagValue.good(42, T0, T0, 1));
        model.pulse(T0);
        StationTileViewModel tile = model.tile(PRESS);
        assertEquals("°F", tile.secondUnitProperty().get());
        assertEquals("", tile.firstUnitProperty().get(), "no unit configured or declared: unknown, not assumed");
        assertTrue(tile.secondTextProperty().get().startsWith("181.5"), tile.secondTextProperty().get());
    }

    @Test
    void theQualityTextSaysWhyAValueIsUncertainOrSkewed() {
        publish("temperature", new TagValue(900.0, T0, T0, Quality.UNCERTAIN, 1, TagValue.OUT_OF_RANGE));
        publish("speed", new TagValue(1.0, T0.plusSeconds(60), T0, Quality.GOOD, 1, TagValue.CLOCK_SKEW));
        publish("state", TagValue.good(1, T0, T0, 1));
        model.pulse(T0);
        String text = model.tile(PRESS).qualityTextProperty().get();
        assertTrue(text.startsWith("Uncertain (out of range, clock skew)"), text);

        publish("temperature", TagValue.good(80, T0, T0, 2));
        publish("speed", TagValue.good(1, T0, T0, 2));
        model.pulse(T0.plusMillis(100));
        assertTrue(model.tile(PRESS).qualityTextProperty().get().startsWith("Good \u00B7"),
                model.tile(PRESS).qualityTextProperty().get());
    }
}
