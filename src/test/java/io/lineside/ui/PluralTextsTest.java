package io.lineside.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Issue 18's "1 stations": counted English words agree with their number. */
class PluralTextsTest {

    private final Texts en = Texts.forLocale(Locale.ENGLISH);

    @Test
    void oneIsSingularAndManyArePlural() {
        assertEquals("1 station", en.get("plant.stations", 1));
        assertEquals("Stale (1 station) \u00B7 last Running", en.get("plant.quality", "Stale", 1, "Running"));
        assertEquals("Stale (3 stations) \u00B7 last Running", en.get("plant.quality", "Stale", 3, "Running"));
        assertEquals("1 alarm held (input not good)", en.get("banner.uncertain", 1));
        assertEquals("8 alarms held (input not good)", en.get("banner.uncertain", 8));
        assertEquals("1 journal event, 1 alarm annunciated", en.get("shift.alarmCount", 1, 1));
        assertEquals("1,204 journal events, 0 alarms annunciated", en.get("shift.alarmCount", 1_204, 0));
    }
}
