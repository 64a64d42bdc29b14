package io.lineside.commands;

/** A command as it goes on the wire: topic, payload and QoS (never retained). */
public record Wire(String topic, byte[] payload, int qos, String describe) {
}
