package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Arrays;

/**
 * One tag's recorded samples over a replay window, held in memory column by column in (source time, seq) order,
 * with the stretches where its telemetry was lost (its own seq jumps and every-tag gaps, merged). Answers "what did
 * the live view show at T" by a binary search, without touching the database. Immutable; safe from any thread.
 */
public final class TagTrack {

    private static final Quality[] QUALITIES = Quality.values();

    private final long[] ts;
    private final long[] recv;
    private final double[] num;
    private final String[] txt; // null when the track holds no text sample
    private final byte[] quality;
    private final long[] gapFrom;
    private final long[] gapTo;

    /** @param gaps merged, non-overlapping {@code [from, to]} pairs in time order: {@code gaps[2i]}, {@code gaps[2i+1]} */
    TagTrack(SampleColumns s, long[] gaps) {
        int n = s.size;
        ts = Arrays.copyOf(s.ts, n);
        recv = Arrays.copyOf(s.recv, n);
        num = Arrays.copyOf(s.num, n);
        quality = Arrays.copyOf(s.quality, n);
        String[] text = null;
        for (int i = 0; i < n; i++) {
            if (s.txt[i] != null) {
                text = Arrays.copyOf(s.txt, n);
                break;
            }
        }
        txt = text;
        gapFrom = new long[gaps.length / 2];
        gapTo = new long[gaps.length / 2];
        for (int i = 0; i < gapFrom.length; i++) {
            gapFrom[i] = gaps[2 * i];
            gapTo[i] = gaps[2 * i + 1];
        }
    }

    /** Source time of the first sample held (the one the window starts in, if any came before it). */
    public long firstTime() {
        return ts[0];
    }

    /** Samples held (including the one before the window that the window starts in). */
    public int size() {
        return ts.length;
    }

    /**
     * What the live view showed at {@code t}: the last sample with source time at or before {@code t}, STALE where a
     * gap covers {@code t} (strictly between the last sample before it and the first after), or null before the
     * first sample.
     */
    public TagValue at(long t) {
        int i = indexAt(t);
        if (i < 0) {
            return null;
        }
        Object value = Double.isNaN(num[i]) ? (txt == null ? null : txt[i]) : (Object) num[i];
        Quality q = QUALITIES[quality[i]];
        if ((q == Quality.GOOD || q == Quality.UNCERTAIN) && inGap(t)) {
            q = Quality.STALE;
        }
        if (value == null && (q == Quality.GOOD || q == Quality.UNCERTAIN)) {
            q = Quality.BAD; // a stored sample without value is never shown as good
        }
        return new TagValue(value, Instant.ofEpochMilli(ts[i]), Instant.ofEpochMilli(recv[i]), q, -1);
    }

    /** Index of the last sample with ts at or before {@code t}, or -1. */
    int indexAt(long t) {
        int i = Arrays.binarySearch(ts, t);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < ts.length && ts[i + 1] == t) {
            i++; // same ms, later seq: the newer sample is what was shown
        }
        return i;
    }

    /** True when telemetry of this tag is known lost at {@code t}. */
    public boolean inGap(long t) {
        int i = Arrays.binarySearch(gapFrom, t);
        int k = i >= 0 ? i - 1 : -i - 2; // the last gap starting strictly before t
        return k >= 0 && t < gapTo[k];
    }

    /** Source times where the quality changed, for the timeline (oldest first). */
    public long[] qualityChanges() {
        long[] out = new long[ts.length];
        int n = 0;
        for (int i = 1; i < ts.length; i++) {
            if (quality[i] != quality[i - 1]) {
                out[n++] = ts[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Source times where a text value (a station state) changed, for the timeline (oldest first). */
    public long[] textChanges() {
        if (txt == null) {
            return new long[0];
        }
        long[] out = new long[ts.length];
        int n = 0;
        for (int i = 1; i < ts.length; i++) {
            if (txt[i] != null && !txt[i].equals(txt[i - 1])) {
                out[n++] = ts[i];
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** The gaps, as {@code [from, to]} pairs in time order. */
    public long[][] gaps() {
        return new long[][] {gapFrom.clone(), gapTo.clone()};
    }
}
