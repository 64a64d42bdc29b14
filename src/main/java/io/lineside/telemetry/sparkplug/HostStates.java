package io.lineside.telemetry.sparkplug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lineside.telemetry.IngestDiagnostics;
import java.io.IOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Sparkplug 3.0 STATE of other host applications ({@code spBv1.0/STATE/<host>}, JSON
 * {@code {"online": true, "timestamp": ...}}), as a non-primary host watches it. Bounded: at most
 * {@link #MAX_HOSTS} hosts, least recently updated forgotten first. Not thread-safe: decoder thread only.
 */
final class HostStates {

    static final int MAX_HOSTS = 100;
    private static final int MAX_STATE_BYTES = 1_024;
    /** A repeated key ({@code "online"} twice) is refused, not resolved by "last wins". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private final Map<String, Boolean> online = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > MAX_HOSTS;
        }
    };

    void update(String hostId, byte[] bytes, SparkplugLimits limits, String topic, Instant received,
                IngestDiagnostics diagnostics) {
        if (bytes == null || bytes.length > Math.min(MAX_STATE_BYTES, limits.maxPayloadBytes())) {
            diagnostics.oversize();
            return;
        }
        try {
            JsonNode node = JSON.readTree(bytes);
            JsonNode flag = node == null ? null : node.get("online");
            if (flag == null || !flag.isBoolean()) {
                throw new IOException("STATE payload has no boolean \"online\"");
            }
            online.put(hostId, flag.booleanValue());
            diagnostics.decoded();
        } catch (IOException e) {
            diagnostics.parseError(topic, bytes, "bad STATE payload: " + e.getMessage(), received);
        }
    }

    Map<String, Boolean> snapshot() {
        return Map.copyOf(online);
    }
}
