package io.lineside.history;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Packs the samples of one tag (usually one hour of them) into a {@code sample_block.data} value and back,
 * losslessly: source times as delta-of-delta, seq and receive offsets as deltas, all as zig-zag varints; qualities
 * and value kinds one byte each; numbers as varint deltas of scaled integers when every number in the block is an
 * exact decimal with at most 9 digits after the point (sensor values usually are), else as raw IEEE bits; text as
 * UTF-8. The whole is then DEFLATEd (fastest level), which folds the long runs of equal bytes. Measured 1.7 bytes
 * per 1 Hz analog sample (docs/benchmarks.md). Stateless and thread-safe.
 */
final class BlockCodec {

    private static final int VERSION = 1;
    private static final int NUMBER = 0;
    private static final int TEXT = 1;
    private static final int NONE = 2;
    private static final int RAW_BITS = 255;
    private static final int MAX_SCALE = 9;
    private static final double[] POW = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    private static final double EXACT_LIMIT = 0x1p52;

    private BlockCodec() {
    }

    static byte[] encode(SampleColumns s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.size * 4 + 16);
        out.write(VERSION);
        varint(out, s.size);
        long lastTs = 0;
        long lastDelta = 0;
        for (int i = 0; i < s.size; i++) {
            long delta = s.ts[i] - lastTs;
            varint(out, zigzag(i == 0 ? s.ts[0] : delta - lastDelta));
            lastDelta = i == 0 ? 0 : delta;
            lastTs = s.ts[i];
        }
        long lastSeq = 0;
        for (int i = 0; i < s.size; i++) {
            varint(out, zigzag(s.seq[i] - lastSeq));
            lastSeq = s.seq[i];
        }
        for (int i = 0; i < s.size; i++) {
            varint(out, zigzag(s.recv[i] - s.ts[i]));
        }
        for (int i = 0; i < s.size; i++) {
            out.write(s.quality[i]);
        }
        for (int i = 0; i < s.size; i++) {
            out.write(s.isNumeric(i) ? NUMBER : s.txt[i] != null ? TEXT : NONE);
        }
        int scale = scale(s);
        out.write(scale);
        long lastScaled = 0;
        for (int i = 0; i < s.size; i++) {
            if (s.isNumeric(i)) {
                if (scale == RAW_BITS) {
                    long bits = Double.doubleToRawLongBits(s.num[i]);
                    for (int b = 0; b < 8; b++) {
                        out.write((int) (bits >>> (8 * b)));
                    }
                } else {
                    long scaled = Math.round(s.num[i] * POW[scale]);
                    varint(out, zigzag(scaled - lastScaled));
                    lastScaled = scaled;
                }
            } else if (s.txt[i] != null) {
                byte[] utf8 = s.txt[i].getBytes(StandardCharsets.UTF_8);
                varint(out, utf8.length);
                out.writeBytes(utf8);
            }
        }
        return deflate(out.toByteArray());
    }

    /** @throws IllegalArgumentException if {@code data} is not a block this codec wrote (a damaged row) */
    static SampleColumns decode(byte[] data) {
        byte[] raw = inflate(data);
        int[] pos = {0};
        if (raw.length == 0 || raw[pos[0]++] != VERSION) {
            throw new IllegalArgumentException("unknown sample block version");
        }
        int n = (int) readVarint(raw, pos);
        SampleColumns s = new SampleColumns(n);
        s.size = n;
        long lastTs = 0;
        long lastDelta = 0;
        for (int i = 0; i < n; i++) {
            long v = unzigzag(readVarint(raw, pos));
            if (i == 0) {
                s.ts[0] = v;
            } else {
                lastDelta += v;
                s.ts[i] = lastTs + lastDelta;
            }
            lastTs = s.ts[i];
        }
        long lastSeq = 0;
        for (int i = 0; i < n; i++) {
            lastSeq += unzigzag(readVarint(raw, pos));
            s.seq[i] = lastSeq;
        }
        for (int i = 0; i < n; i++) {
            s.recv[i] = s.ts[i] + unzigzag(readVarint(raw, pos));
        }
        for (int i = 0; i < n; i++) {
            s.quality[i] = raw[pos[0]++];
        }
        int kinds = pos[0];
        pos[0] += n;
        int scale = raw[pos[0]++] & 0xFF;
        long lastScaled = 0;
        for (int i = 0; i < n; i++) {
            switch (raw[kinds + i]) {
                case NUMBER -> {
                    if (scale == RAW_BITS) {
                        long bits = 0;
                        for (int b = 0; b < 8; b++) {
                            bits |= (raw[pos[0]++] & 0xFFL) << (8 * b);
                        }
                        s.num[i] = Double.longBitsToDouble(bits);
                    } else {
                        lastScaled += unzigzag(readVarint(raw, pos));
                        s.num[i] = lastScaled / POW[scale];
                    }
                }
                case TEXT -> {
                    int length = (int) readVarint(raw, pos);
                    s.txt[i] = new String(raw, pos[0], length, StandardCharsets.UTF_8);
                    s.num[i] = Double.NaN;
                    pos[0] += length;
                }
                default -> s.num[i] = Double.NaN;
            }
        }
        return s;
    }

    /** The smallest decimal scale at which every number of the block survives the trip exactly, or RAW_BITS. */
    private static int scale(SampleColumns s) {
        int scale = 0;
        for (int i = 0; i < s.size; i++) {
            if (s.isNumeric(i)) {
                while (scale <= MAX_SCALE && !exactAt(s.num[i], scale)) {
                    scale++;
                }
                if (scale > MAX_SCALE) {
                    return RAW_BITS;
                }
            }
        }
        for (int i = 0; i < s.size; i++) { // a value exact at a smaller scale is not always exact at this one
            if (s.isNumeric(i) && !exactAt(s.num[i], scale)) {
                return RAW_BITS;
            }
        }
        return scale;
    }

    private static boolean exactAt(double v, int scale) {
        double scaled = v * POW[scale];
        return Math.abs(scaled) < EXACT_LIMIT
                && Double.doubleToRawLongBits(Math.round(scaled) / POW[scale]) == Double.doubleToRawLongBits(v);
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }

    private static long readVarint(byte[] raw, int[] pos) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = raw[pos[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("damaged varint in sample block");
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            deflater.setInput(raw);
            deflater.finish();
            byte[] buf = new byte[raw.length / 2 + 64];
            int n = 0;
            while (!deflater.finished()) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                n += deflater.deflate(buf, n, buf.length - n);
            }
            return Arrays.copyOf(buf, n);
        } finally {
            deflater.end();
        }
    }

    private static byte[] inflate(byte[] packed) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(packed);
            byte[] buf = new byte[Math.max(64, packed.length * 4)];
            int n = 0;
            while (!inflater.finished()) {
                if (n == buf.length) {
                    buf = Arrays.copyOf(buf, buf.length * 2);
                }
                int got = inflater.inflate(buf, n, buf.length - n);
                if (got == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("truncated sample block");
                }
                n += got;
            }
            return Arrays.copyOf(buf, n);
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("damaged sample block: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
