package io.lineside.telemetry;

/**
 * Sees raw messages as they arrive, before the decoder queue, for the engineers' inspector. Called on Paho's
 * callback thread: {@link #watching()} must be a cheap volatile read, and {@link #seen} must copy, enqueue and
 * return without blocking or throwing.
 */
public interface MessageTap {

    /** True while someone looks; false makes the tap cost one volatile read per message. */
    boolean watching();

    /** One message as it arrived; {@code payload} belongs to Paho and must be copied if kept. */
    void seen(String topic, int qos, boolean retained, byte[] payload);
}
