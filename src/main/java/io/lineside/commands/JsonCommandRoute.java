package io.lineside.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Plain MQTT: the signal's command topic, a JSON object
 * {@code {"value": .., "kind": .., "signal": .., "user": .., "workstation": .., "time": .., "correlationId": ..}},
 * QoS 1. Reaches every writable signal.
 */
public final class JsonCommandRoute implements CommandRoute {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<Wire> wire(CommandMessage c) {
        ObjectNode o = JSON.createObjectNode();
        if (c.value() instanceof Double d) {
            o.put("value", d);
        } else {
            o.put("value", String.valueOf(c.value()));
        }
        o.put("kind", c.signal().spec().kind().word());
        o.put("signal", c.target().toString());
        o.put("user", c.user());
        o.put("workstation", c.workstation());
        o.put("time", c.time().toString());
        o.put("correlationId", c.correlationId());
        String topic = c.signal().commandTopic(c.target());
        return Optional.of(new Wire(topic, o.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 1,
                "MQTT " + topic));
    }
}
