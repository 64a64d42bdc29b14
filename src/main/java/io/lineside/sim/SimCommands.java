package io.lineside.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Operator commands for the simulated plant, queued from the MQTT thread and drained by the tick. */
final class SimCommands {

    /** One command for one station's signal; {@code value} is a Double or a String. */
    interface Sink {
        void apply(int line, String station, String signal, Object value);
    }

    private record Command(int line, String station, String signal, Object value) {
    }

    private static final int MAX_QUEUED = 1_000;
    private final ObjectMapper json = new ObjectMapper();
    private final Queue<Command> queue = new ConcurrentLinkedQueue<>();
    private final String base;
    private final List<String> lines;

    SimCommands(String prefix, String site, String area, List<String> lines) {
        this.base = prefix + "/" + site + "/" + area + "/";
        this.lines = List.copyOf(lines);
    }

    /** {@code <prefix>/<site>/<area>/<line>/<station>/<signal>/set}; anything else is ignored. Never throws. */
    void offer(String topic, byte[] payload) {
        if (!topic.startsWith(base) || !topic.endsWith("/set") || queue.size() >= MAX_QUEUED) {
            return;
        }
        String[] parts = topic.substring(base.length()).split("/");
        int line = lines.indexOf(parts[0]);
        if (parts.length != 4 || line < 0) {
            return;
        }
        try {
            JsonNode v = json.readTree(payload).get("value");
            Object value = v == null ? null : v.isNumber() ? (Object) v.asDouble() : v.isTextual() ? v.asText() : null;
            if (value != null) {
                queue.add(new Command(line, parts[1], parts[2], value));
            }
        } catch (IOException | RuntimeException e) {
            // a bad payload is ignored, as a real edge would
        }
    }

    void drain(Sink sink) {
        for (Command c = queue.poll(); c != null; c = queue.poll()) {
            sink.apply(c.line(), c.station(), c.signal(), c.value());
        }
    }
}
