package io.lineside.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SimPlantTest {

    private static final Instant T0 = Instant.parse("2026-11-23T06:00:00Z");
    private static final List<String> ORDER = List.of("load", "press", "weld", "paint", "inspect", "pack");
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void everyStationPublishesItsFiveSignalsOnTheFirstTick() throws IOException {
        SimPlant plant = SimPlant.demo("lineside", 1);
        List<SimMessage> first = plant.tick(T0);
        assertEquals(18, plant.stationCount());
        assertEquals(18 * 5, first.size());
        Set<String> topics = new HashSet<>();
        for (SimMessage m : first) {
            topics.add(m.topic());
            JsonNode json = mapper.readTree(m.payload());
            assertEquals(1, json.get("seq").asLong());
            assertEquals(T0.toEpochMilli(), json.get("ts").asLong());
            assertEquals("good", json.get("q").asText());
            assertTrue(json.get("v").isNumber() || json.get("v").isTextual());
        }
        assertEquals(90, topics.size());
        assertTrue(topics.contains("lineside/demo/assembly/line-3/pack/temperature"));
    }

    @Test
    void halfAnHourShowsEveryStateFaultPropagationAndGaplessSequences() throws IOException {
        SimPlant plant = SimPlant.demo("lineside", 42);
        Map<String, Long> lastSeq = new HashMap<>();
        Map<String, Double> lastCycles = new HashMap<>();
        Set<String> statesSeen = new HashSet<>();
        boolean starvedBehindFault = false;
        boolean blockedBeforeFault = false;
        Set<String> reasonsSeen = new HashSet<>();
        boolean scrapSeen = false;
        for (int s = 0; s <= 1_800; s++) {
            Map<String, Map<String, String>> stateByLine = new HashMap<>();
            for (SimMessage m : plant.tick(T0.plusSeconds(s))) {
                JsonNode json = mapper.readTree(m.payload());
                long seq = json.get("seq").asLong();
                Long previous = lastSeq.put(m.topic(), seq);
                assertEquals(previous == null ? 1 : previous + 1, seq, "sequence of " + m.topic());
                String[] parts = m.topic().split("/");
                String signal = parts[5];
                if (signal.equals("state")) {
                    statesSeen.add(json.get("v").asText());
                    stateByLine.computeIfAbsent(parts[3], k -> new HashMap<>()).put(parts[4], json.get("v").asText());
                } else if (signal.equals("cycles")) {
                    Double before = lastCycles.put(m.topic(), json.get("v").asDouble());
                    assertTrue(before == null || json.get("v").asDouble() >= before, "cycles only grow");
                } else if (signal.equals("reason")) {
                    String state = stateByLine.getOrDefault(parts[3], Map.of()).get(parts[4]);
                    reasonsSeen.add(json.get("v").asText());
                    assertTrue("fault".equals(state) || "idle".equals(state), "a reason only beside a stop: " + state);
                } else if (signal.equals("scrap")) {
                    scrapSeen |= json.get("v").asDouble() > 0;
                } else {
                    assertTrue(Double.isFinite(json.get("v").asDouble()));
                }
            }
            for (Map<String, String> line : stateByLine.values()) {
                List<String> states = ORDER.stream().map(line::get).toList();
                int fault = states.indexOf("fault");
                if (fault >= 0) {
                    starvedBehindFault |= states.subList(fault + 1, states.size()).contains("starved");
                    blockedBeforeFault |= states.subList(0, fault).contains("blocked");
                }
            }
        }
        assertEquals(Set.of("running", "idle", "blocked", "starved", "fault"), statesSeen);
        assertTrue(starvedBehindFault, "a fault starves the stations after it");
        assertTrue(blockedBeforeFault, "a fault blocks the stations before it");
        assertTrue(lastCycles.values().stream().allMatch(c -> c > 300), "every station produced: " + lastCycles);
        assertTrue(reasonsSeen.contains("changeover") && reasonsSeen.stream().anyMatch(
                r -> Set.of("jam", "tool", "material", "electrical").contains(r)), "stops have reasons: " + reasonsSeen);
        assertTrue(scrapSeen, "some parts are scrapped");
    }

    @Test
    void theSameSeedReplaysTheSameTelemetry() {
        SimPlant a = SimPlant.demo("lineside", 7);
        SimPlant b = SimPlant.demo("lineside", 7);
        for (int s = 0; s < 120; s++) {
            List<SimMessage> ma = a.tick(T0.plusSeconds(s));
            List<SimMessage> mb = b.tick(T0.plusSeconds(s));
            assertEquals(ma.size(), mb.size());
            for (int i = 0; i < ma.size(); i++) {
                assertEquals(ma.get(i).topic(), mb.get(i).topic());
                assertArrayEquals(ma.get(i).payload(), mb.get(i).payload());
            }
        }
    }

    @Test
    void aFailingPublisherNeverStopsTheSchedule() throws InterruptedException {
        List<String> delivered = new ArrayList<>();
        int[] calls = {0};
        try (LineSimulator sim = new LineSimulator(SimPlant.demo("lineside", 3), (topic, payload) -> {
            if (calls[0]++ % 2 == 0) {
                throw new IllegalStateException("broker gone");
            }
            delivered.add(topic);
        }, java.time.Clock.systemUTC(), java.time.Duration.ofMillis(20))) {
            sim.start();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (sim.failures() < 3 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(sim.failures() >= 3, "ticks kept running after failures: " + sim.failures());
        }
        assertTrue(!delivered.isEmpty());
    }
}
