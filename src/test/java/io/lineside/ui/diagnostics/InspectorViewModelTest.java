package io.lineside.ui.diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.inspect.MessageInspector;
import io.lineside.testsupport.Eventually;
import io.lineside.ui.Texts;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InspectorViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");
    private static final String A = "lineside/p/h/l1/s1/temp";
    private static final String B = "lineside/p/h/l2/s1/temp";

    private final MessageInspector inspector = new MessageInspector(TopicMappings.defaults("lineside"),
            Clock.fixed(T0, ZoneOffset.UTC));
    private final InspectorViewModel model = new InspectorViewModel(inspector, Texts.forLocale(Locale.ENGLISH),
            ZoneOffset.UTC);

    @AfterEach
    void close() {
        inspector.close();
    }

    @Test
    void capturesOnlyWhileOpenAndNotPaused() {
        assertFalse(inspector.watching());
        model.setOpen(true);
        assertTrue(inspector.watching());
        model.togglePause();
        assertTrue(model.pausedProperty().get());
        assertFalse(inspector.watching());
        model.togglePause();
        assertTrue(inspector.watching());
        model.setOpen(false);
        assertFalse(inspector.watching());
    }

    @Test
    void tableShowsNewestFirstAndRefreshesAtMostFourTimesASecond() {
        model.setOpen(true);
        send(A, "{\"v\": 1, \"seq\": 1}", 1);
        model.pulse(T0);
        assertEquals(List.of("1"), model.rows().stream().map(InspectorRow::number).toList());
        InspectorRow first = model.rows().getFirst();
        assertEquals("09:00:00.000", first.time());
        assertEquals("1.0 (GOOD, seq 1)", first.decoded());
        assertEquals("1", first.qos());

        send(B, "oops", 2);
        model.pulse(T0.plusMillis(100));
        assertEquals(1, model.rows().size(), "no refresh within 250 ms");
        model.pulse(T0.plusMillis(300));
        assertEquals(List.of("2", "1"), model.rows().stream().map(InspectorRow::number).toList());
        assertTrue(model.rows().getFirst().error());
        assertTrue(model.statusProperty().get().startsWith("Captured: 2   Dropped by the inspector: 0   Capturing"),
                model.statusProperty().get());
    }

    @Test
    void lastPerTopicShowsOneRowPerTopic() {
        model.setOpen(true);
        send(A, "1", 1);
        send(A, "2", 2);
        send(B, "3", 3);
        model.latestPerTopicProperty().set(true);
        model.pulse(T0);
        assertEquals(List.of(A + "=2", B + "=3"), model.rows().stream().map(r -> r.topic() + "=" + r.number()).toList());
    }

    @Test
    void detailShowsHowItArrivedTheDecodedFormAndTheBytes() {
        model.setOpen(true);
        send(A, "{\"v\": 7}", 1);
        model.pulse(T0);
        model.select(model.rows().getFirst());
        String detail = model.detailProperty().get();
        assertTrue(detail.startsWith("Message #1\nReceived: 09:00:00.000\nTopic: " + A
                + "\nQoS: 1   Retained: no   Size: 8 bytes"), detail);
        assertTrue(detail.contains("Tag update:\np/h/l1/s1/temp = 7.0 (GOOD)"), detail);
        assertTrue(detail.contains("First 8 bytes (text, then hex):\n{\"v\": 7}\n\n7b 22 76 22 3a 20 37 7d"), detail);
        model.select(null);
        assertEquals(detail, model.detailProperty().get(), "a refresh clearing the selection keeps the detail");
    }

    @Test
    void aMalformedFilterIsRefusedWithTheReasonAndAGoodOneApplies() {
        model.filterTextProperty().set("lineside/#/x");
        model.applyFilter();
        assertEquals("Filter not applied: '#' must be a whole level and the last one: lineside/#/x",
                model.filterErrorProperty().get());
        model.filterTextProperty().set("lineside/+/+/l2/#");
        model.applyFilter();
        assertEquals("", model.filterErrorProperty().get());
        assertEquals("lineside/+/+/l2/#", inspector.filter().text());
    }

    private void send(String topic, String payload, int expectVersion) {
        inspector.seen(topic, 1, false, payload.getBytes(StandardCharsets.UTF_8));
        Eventually.await("captured", Duration.ofSeconds(5), () -> inspector.version() == expectVersion);
    }
}
