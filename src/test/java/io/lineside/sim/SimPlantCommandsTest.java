package io.lineside.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The demo simulator obeys operator commands on {@code <telemetry topic>/set}. */
class SimPlantCommandsTest {

    static final Instant T0 = Instant.parse("2026-03-02T06:00:00Z");
    static final String PRESS = "lineside/demo/assembly/line-1/press/";

    private static Map<String, String> byTopic(List<SimMessage> messages) {
        return messages.stream().collect(Collectors.toMap(SimMessage::topic,
                m -> new String(m.payload(), StandardCharsets.UTF_8), (a, b) -> b));
    }

    private static byte[] value(String json) {
        return ("{\"value\":" + json + ",\"user\":\"op\"}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aRateSetpointIsPublishedBackAndScalesTheSpeed() {
        SimPlant plant = new SimPlant("lineside", "demo", "assembly", 1, StationKind.DEMO_LINE, 1e12, 1);
        plant.tick(T0);
        assertTrue(byTopic(plant.tick(T0.plusSeconds(1))).keySet().stream().noneMatch(t -> t.endsWith("/rate")),
                "nothing commanded: no rate published");
        plant.command(PRESS + "rate/set", value("50.0"));
        Map<String, String> after = byTopic(plant.tick(T0.plusSeconds(2)));
        assertTrue(after.get(PRESS + "rate").contains("\"v\":50.0"), after.get(PRESS + "rate"));
        double speed = Double.parseDouble(after.get(PRESS + "speed").replaceAll(".*\"v\":([0-9.]+).*", "$1"));
        assertTrue(speed > 13 && speed < 16, "half of 30/min: " + speed);
    }

    @Test
    void stopHoldsTheStationIdleUntilStartAndResetRuns() {
        SimPlant plant = new SimPlant("lineside", "demo", "assembly", 1, StationKind.DEMO_LINE, 1e12, 1);
        plant.tick(T0);
        plant.command(PRESS + "run/set", value("\"stop\""));
        for (int s = 1; s <= 5; s++) {
            Map<String, String> m = byTopic(plant.tick(T0.plusSeconds(s)));
            if (m.containsKey(PRESS + "state")) {
                assertTrue(m.get(PRESS + "state").contains("\"v\":\"idle\""), m.get(PRESS + "state"));
            }
            assertTrue(m.get(PRESS + "speed").contains("\"v\":0.0"), "stopped: " + m.get(PRESS + "speed"));
        }
        plant.command(PRESS + "run/set", value("\"start\""));
        assertTrue(byTopic(plant.tick(T0.plusSeconds(6))).get(PRESS + "state").contains("\"v\":\"running\""));
        plant.command(PRESS + "run/set", value("\"stop\""));
        plant.tick(T0.plusSeconds(7));
        plant.command(PRESS + "run/set", value("\"reset\""));
        assertTrue(byTopic(plant.tick(T0.plusSeconds(8))).get(PRESS + "state").contains("\"v\":\"running\""));
    }

    @Test
    void badCommandsAreIgnored() {
        SimPlant plant = new SimPlant("lineside", "demo", "assembly", 1, StationKind.DEMO_LINE, 1e12, 1);
        plant.tick(T0);
        plant.command(PRESS + "rate/set", "not json".getBytes(StandardCharsets.UTF_8));
        plant.command(PRESS + "rate/set", value("900"));
        plant.command("lineside/demo/assembly/line-9/press/rate/set", value("60"));
        plant.command(PRESS + "run/set", value("\"explode\""));
        Map<String, String> m = byTopic(plant.tick(T0.plusSeconds(1)));
        assertEquals(false, m.containsKey(PRESS + "rate"));
    }
}
