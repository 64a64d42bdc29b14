package io.lineside.telemetry.sparkplug;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Puts one edge node's messages back in {@code seq} order (0..255, wrapping) and never loses one it was given
 * (decision 0021). Seqs are unwrapped into a running position, so a gap across 255 → 0 is an ordinary gap. A message
 * ahead of the expected one waits; when the missing one arrives everything is released in order. A gap is given up
 * (the waiting messages released in order, each {@link Step} saying how many seqs are missing before it) when it
 * has lasted the reorder timeout, or at once when waiting longer would overflow the window: a hole can only be told
 * from a wrap while the newest message is less than 128 seqs past it, so at more than 127 messages per timeout the
 * window is cut short by the rate, never by dropping. A message whose gap was already given up is released late; one
 * whose seq was already released is a duplicate, unless its timestamp is newer than the newest message's, which
 * means the stream jumped 128 or more seqs ahead (a gap of unknown size). Not thread-safe: owned by the decoder thread.
 */
final class SequenceWindow<T> {

    /** A hole can be filled while the newest message is less than this many seqs past it (half the seq space). */
    static final int SPAN = 128;

    /** Missing count of a step after a jump whose size the seq cannot tell (128 or more). */
    static final int UNKNOWN = -1;

    /**
     * One message to apply, in order.
     *
     * @param missingBefore seqs given up just before it (0: none; {@link #UNKNOWN}: a jump of 128 or more)
     * @param late          its gap had already been given up: it comes after messages with higher seqs
     */
    record Step<T>(T message, int missingBefore, boolean late) {
    }

    /** What {@link #offer} did: steps now ready (maybe none), a dropped duplicate, a window cut short by overflow. */
    record Offer<T>(List<Step<T>> ready, boolean duplicate, boolean overflowed) {
    }

    private final long timeoutMillis;
    private final TreeMap<Long, T> waiting = new TreeMap<>(); // by running position
    private final TreeSet<Long> givenUp = new TreeSet<>(); // positions skipped by a gap, within SPAN of the head
    private long next = -1; // running position of the message expected next
    private long head; // running position of the newest message
    private long headTimestamp = Long.MIN_VALUE;
    private long gapSince;

    SequenceWindow(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A birth with {@code seq}, sent at {@code timestamp}: the next message must carry {@code seq + 1}. The caller
     * {@link #flush}es first.
     */
    void reset(int seq, long timestamp) {
        head = seq & 0xFF;
        next = head + 1;
        headTimestamp = timestamp;
        waiting.clear();
        givenUp.clear();
    }

    /**
     * Accepts the message with sequence number {@code seq} (0..255), sent at {@code timestamp} (the payload's, or the
     * receive time) and received at {@code nowMillis}.
     */
    Offer<T> offer(int seq, T message, long timestamp, long nowMillis) {
        if (next < 0) {
            reset((seq - 1) & 0xFF, Long.MIN_VALUE); // no birth to measure against: start counting here
        }
        List<Step<T>> ready = new ArrayList<>();
        boolean overflowed = false;
        int ahead = (seq - (int) (head & 0xFF)) & 0xFF;
        long position;
        if (ahead >= 1 && ahead < SPAN) {
            position = head + ahead;
        } else {
            position = head - ((256 - ahead) & 0xFF); // at or behind the newest message
            if (position < next && !givenUp.contains(position)) {
                if (timestamp <= headTimestamp) {
                    return new Offer<>(List.of(), true, false); // that seq was released already
                }
                // Newer than the newest: the stream jumped SPAN or more seqs ahead while we were not looking.
                releaseAll(ready, nowMillis);
                position = head + (ahead == 0 ? 256 : ahead);
                ready.add(new Step<>(message, UNKNOWN, false));
                moveHead(position, timestamp);
                next = position + 1;
                givenUp.clear();
                return new Offer<>(ready, false, false);
            }
        }
        if (position < next) { // givenUp contains it: late, but never lost
            givenUp.remove(position);
            ready.add(new Step<>(message, 0, true));
            return new Offer<>(ready, false, false);
        }
        if (waiting.containsKey(position)) {
            return new Offer<>(List.of(), true, false);
        }
        while (position - next >= SPAN) { // waiting on would make the hole indistinguishable from a wrap
            overflowed = true;
            releaseFirstRun(ready, nowMillis);
        }
        moveHead(position, timestamp);
        if (position == next) {
            ready.add(new Step<>(message, 0, false));
            next++;
            drain(ready);
            if (!waiting.isEmpty()) {
                gapSince = nowMillis; // another gap further on: its own timeout starts now
            }
        } else {
            if (waiting.isEmpty()) {
                gapSince = nowMillis;
            }
            waiting.put(position, message);
        }
        return new Offer<>(ready, false, overflowed);
    }

    /** When a gap has lasted the reorder timeout: every waiting message in order; else an empty list. */
    List<Step<T>> expire(long nowMillis) {
        if (waiting.isEmpty() || nowMillis - gapSince < timeoutMillis) {
            return List.of();
        }
        return flush(nowMillis);
    }

    /** Gives up every gap now (a death, a birth, a lost link): every waiting message in order. */
    List<Step<T>> flush(long nowMillis) {
        List<Step<T>> ready = new ArrayList<>();
        releaseAll(ready, nowMillis);
        return ready;
    }

    /** True while messages wait for a missing one. */
    boolean hasGap() {
        return !waiting.isEmpty();
    }

    /** Messages waiting for a missing one. */
    int waiting() {
        return waiting.size();
    }

    private void releaseAll(List<Step<T>> ready, long nowMillis) {
        while (!waiting.isEmpty()) {
            releaseFirstRun(ready, nowMillis);
        }
    }

    /** Gives up the first hole: the run of messages after it is released, the first one carrying the count. */
    private void releaseFirstRun(List<Step<T>> ready, long nowMillis) {
        long first = waiting.firstKey();
        for (long p = next; p < first; p++) {
            givenUp.add(p);
        }
        ready.add(new Step<>(waiting.remove(first), (int) (first - next), false));
        next = first + 1;
        drain(ready);
        gapSince = nowMillis;
    }

    private void drain(List<Step<T>> ready) {
        while (!waiting.isEmpty() && waiting.firstKey() == next) {
            ready.add(new Step<>(waiting.remove(next), 0, false));
            next++;
        }
    }

    private void moveHead(long position, long timestamp) {
        if (position > head) {
            head = position;
            givenUp.headSet(head - SPAN, true).clear(); // older positions can no longer be told from a wrap
        }
        headTimestamp = Math.max(headTimestamp, timestamp);
    }
}
