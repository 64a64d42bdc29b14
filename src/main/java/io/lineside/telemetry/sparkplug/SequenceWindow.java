package io.lineside.telemetry.sparkplug;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Puts one edge node's messages back in {@code seq} order (0..255, wrapping). A message ahead of the expected one
 * waits in a buffer; when the missing one arrives within the reorder timeout, everything is released in order.
 * When the timeout passes first, {@link #expire} releases what waited, skipping the gap, so the caller can count it
 * and ask for a rebirth. A message behind the expected one is a duplicate or too late and is dropped. The buffer
 * holds at most 127 messages (half the seq space). Not thread-safe: owned by the decoder thread.
 */
final class SequenceWindow<T> {

    /** What {@link #offer} did: messages now ready in order (maybe none), or a dropped duplicate. */
    record Offer<T>(List<T> ready, boolean duplicate) {
    }

    private final long timeoutMillis;
    private final TreeMap<Integer, T> waiting = new TreeMap<>(); // keyed by distance from the expected seq
    private int expected = -1;
    private long gapSince;

    SequenceWindow(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /** A birth: the next message must carry {@code seq + 1}; anything waiting is dropped. */
    void reset(int seq) {
        expected = (seq + 1) & 0xFF;
        waiting.clear();
    }

    /** Accepts the message with sequence number {@code seq} (0..255), received at {@code nowMillis}. */
    Offer<T> offer(int seq, T message, long nowMillis) {
        if (expected < 0) {
            reset(seq - 1); // no birth to measure against: start counting here
        }
        int distance = (seq - expected) & 0xFF;
        if (distance >= 128 || waiting.containsKey(distance)) {
            return new Offer<>(List.of(), true);
        }
        if (distance > 0) {
            if (waiting.isEmpty()) {
                gapSince = nowMillis;
            }
            waiting.put(distance, message);
            return new Offer<>(List.of(), false);
        }
        List<T> ready = new ArrayList<>();
        ready.add(message);
        expected = (expected + 1) & 0xFF;
        rebase(1);
        while (waiting.containsKey(0)) {
            ready.add(waiting.remove(0));
            expected = (expected + 1) & 0xFF;
            rebase(1);
        }
        if (!waiting.isEmpty()) {
            gapSince = nowMillis; // another gap further on: its own timeout starts now
        }
        return new Offer<>(ready, false);
    }

    /**
     * When a gap has lasted the reorder timeout: releases every waiting message in order and continues after the
     * last; returns null while there is no expired gap.
     */
    List<T> expire(long nowMillis) {
        if (waiting.isEmpty() || nowMillis - gapSince < timeoutMillis) {
            return null;
        }
        int last = waiting.lastKey();
        List<T> released = new ArrayList<>(waiting.values());
        waiting.clear();
        expected = (expected + last + 1) & 0xFF;
        return released;
    }

    /** True while messages wait for a missing one. */
    boolean hasGap() {
        return !waiting.isEmpty();
    }

    /** Shifts the waiting messages' distances after the expected seq moved on by {@code by}. */
    private void rebase(int by) {
        if (waiting.isEmpty()) {
            return;
        }
        TreeMap<Integer, T> moved = new TreeMap<>();
        waiting.forEach((distance, message) -> moved.put(distance - by, message));
        waiting.clear();
        waiting.putAll(moved);
    }
}
