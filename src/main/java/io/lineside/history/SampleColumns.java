package io.lineside.history;

import io.lineside.tags.Quality;
import io.lineside.tags.TagValue;
import java.time.Instant;
import java.util.Arrays;

/**
 * The samples of one tag held column by column (a decoded {@code sample_block}, or rows read from {@code sample}),
 * in (source time, seq) order. A numeric sample has a finite {@code num} and a null {@code txt}; a text sample a
 * NaN {@code num} and its text; a sample without value NaN and null. Not thread-safe: one owner at a time.
 */
final class SampleColumns {

    private static final Quality[] QUALITIES = Quality.values();

    long[] ts;
    long[] seq;
    long[] recv;
    double[] num;
    String[] txt;
    byte[] quality;
    int size;

    SampleColumns(int capacity) {
        int c = Math.max(capacity, 4);
        ts = new long[c];
        seq = new long[c];
        recv = new long[c];
        num = new double[c];
        txt = new String[c];
        quality = new byte[c];
    }

    /** Appends one sample; the caller keeps (ts, seq) order or calls {@link #sorted()}. */
    void add(long ts, long seq, long recv, double num, String txt, int quality) {
        if (size == this.ts.length) {
            int c = size * 2;
            this.ts = Arrays.copyOf(this.ts, c);
            this.seq = Arrays.copyOf(this.seq, c);
            this.recv = Arrays.copyOf(this.recv, c);
            this.num = Arrays.copyOf(this.num, c);
            this.txt = Arrays.copyOf(this.txt, c);
            this.quality = Arrays.copyOf(this.quality, c);
        }
        this.ts[size] = ts;
        this.seq[size] = seq;
        this.recv[size] = recv;
        this.num[size] = num;
        this.txt[size] = txt;
        this.quality[size] = (byte) quality;
        size++;
    }

    boolean isNumeric(int i) {
        return !Double.isNaN(num[i]);
    }

    TagValue value(int i) {
        Object value = isNumeric(i) ? (Object) num[i] : txt[i];
        return new TagValue(value, Instant.ofEpochMilli(ts[i]), Instant.ofEpochMilli(recv[i]), QUALITIES[quality[i]],
                seq[i]);
    }

    /**
     * These samples and {@code newer} in (ts, seq) order, each (ts, seq) once; on a clash {@code newer} wins, as a
     * redelivered sample overwrites its stored copy (the {@code MERGE} of {@link SampleTable}).
     */
    SampleColumns mergedWith(SampleColumns newer) {
        SampleColumns a = sorted();
        SampleColumns b = newer.sorted();
        SampleColumns out = new SampleColumns(a.size + b.size);
        int i = 0;
        int j = 0;
        while (i < a.size || j < b.size) {
            int cmp = i == a.size ? 1 : j == b.size ? -1 : compare(a, i, b, j);
            if (cmp < 0) {
                out.copy(a, i++);
            } else {
                if (cmp == 0) {
                    i++;
                }
                out.copy(b, j++);
            }
        }
        return out;
    }

    /** These samples in (ts, seq) order, duplicates of (ts, seq) reduced to the last one added. */
    SampleColumns sorted() {
        boolean ordered = true;
        for (int k = 1; k < size && ordered; k++) {
            ordered = compare(this, k - 1, this, k) < 0;
        }
        if (ordered) {
            return this;
        }
        Integer[] order = new Integer[size];
        for (int k = 0; k < size; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> { // stable: equal keys keep insertion order, so the last added is last
            int c = compare(this, x, this, y);
            return c;
        });
        SampleColumns out = new SampleColumns(size);
        for (int k = 0; k < size; k++) {
            int idx = order[k];
            if (out.size > 0 && out.ts[out.size - 1] == ts[idx] && out.seq[out.size - 1] == seq[idx]) {
                out.size--; // a later copy of the same (ts, seq) replaces the earlier one
            }
            out.copy(this, idx);
        }
        return out;
    }

    private void copy(SampleColumns from, int i) {
        add(from.ts[i], from.seq[i], from.recv[i], from.num[i], from.txt[i], from.quality[i]);
    }

    private static int compare(SampleColumns a, int i, SampleColumns b, int j) {
        int c = Long.compare(a.ts[i], b.ts[j]);
        return c != 0 ? c : Long.compare(a.seq[i], b.seq[j]);
    }
}
