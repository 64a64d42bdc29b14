package io.lineside.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.ui.Texts;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.inspect.MessageInspector;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DiagnosticsViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");

    private final AtomicReference<IngestDiagnostics.Snapshot> snapshot = new AtomicReference<>(snapshot(100, null));
    private final Map<String, Long> unknown = new LinkedHashMap<>();
    private final MessageInspector inspector = new MessageInspector(TopicMappings.defaults("lineside"), Clock.systemUTC());
    private final DiagnosticsViewModel model = new DiagnosticsViewModel(snapshot::get, () -> unknown,
            new InspectorViewModel(inspector, Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC),
            Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC);

    @AfterEach
    void stopInspector() {
        inspector.close();
    }

    private static IngestDiagnostics.Snapshot snapshot(long received, IngestDiagnostics.BadPayload bad) {
        return new IngestDiagnostics.Snapshot(received, received - 3, 1, 0, 2, 0, 0, 4, 5, 0, bad, 0, 0, 0, 6, 7, 0,
                8, 9, 10, 11);
    }

    @Test
    void historyCountersCloseTheListOnceSet() {
        model.setHistory(() -> new DiagnosticsViewModel.HistoryCounters(2_229, 2_000, 12));
        model.pulse(T0);
        assertTrue(model.countersProperty().get().endsWith("\nMessages with a skewed source clock: 6\n"
                + "History: not stored 2,229 (written as gaps 2,000), behind 12 s"), model.countersProperty().get());
    }

    @Test
    void countersShowRatesAndTheLastBadPayload() {
        model.pulse(T0);
        assertTrue(model.countersProperty().get().startsWith("Received: 100 (0/s)\n"));
        assertEquals("None so far.", model.lastBadProperty().get());
        snapshot.set(snapshot(280, new IngestDiagnostics.BadPayload("lineside/a/b/c/d/e", T0.plusMillis(1500),
                "malformed JSON: Unexpected end-of-input", "7b227622")));
        model.pulse(T0.plusSeconds(2));
        String counters = model.countersProperty().get();
        assertTrue(counters.startsWith("Received: 280 (90/s)\n"), counters);
        assertTrue(counters.contains("Payloads that failed to decode (tag marked BAD): 2"), counters);
        assertTrue(counters.contains("Sequence gaps: 4\nLate messages stored in their place: 10\n"
                + "Sparkplug duplicates ignored (same seq in the reorder window): 5\n"), counters);
        assertTrue(counters.endsWith("Values refused as BAD (wrong type, NaN, Infinity, null): 0\n"
                + "Sparkplug rebirth requests sent: 0\nRebirth requests held back by the rate limit: 9\n"
                + "Sparkplug values not storable (no birth, unknown alias), written as gaps: 8\n"
                + "Sparkplug gaps given up early (reorder window full): 11\nSparkplug deaths ignored (old bdSeq): 0\n"
                + "Values outside their range (kept as UNCERTAIN): 7\nMessages with a skewed source clock: 6"), counters);
        assertEquals("Topic: lineside/a/b/c/d/e\nTime: 08:00:01.500\nReason: malformed JSON: Unexpected end-of-input\n"
                + "First bytes (hex): 7b227622", model.lastBadProperty().get());
    }

    @Test
    void unknownTopicsAreListedMostFrequentFirstAndCapped() {
        for (int i = 0; i < 80; i++) {
            unknown.put("x/" + i, (long) i);
        }
        model.pulse(T0);
        List<String> shown = model.unknownTopics();
        assertEquals(DiagnosticsViewModel.TOPICS_SHOWN, shown.size());
        assertEquals("79  x/79", shown.get(0));
    }

    @Test
    void refreshesAtMostOnceASecond() {
        model.pulse(T0);
        snapshot.set(snapshot(500, null));
        model.pulse(T0.plusMillis(500));
        assertTrue(model.countersProperty().get().startsWith("Received: 100 "));
    }
}
