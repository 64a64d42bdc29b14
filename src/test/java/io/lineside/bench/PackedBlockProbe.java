package io.lineside.bench;

import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * Measures the storage plan for scenario 3 before building it (docs/benchmarks.md, "History: the plan"): samples
 * shaped as {@link HistoryLoad} writes them (1 Hz, 50 tags, random walk rounded to 0.01, receive 3-43 ms late),
 * packed per tag into one-hour blocks (delta-of-delta times, receive offsets, seq deltas and value deltas in
 * hundredths as zig-zag varints, then DEFLATE), plus one per-minute rollup row per tag. Prints bytes per sample and
 * the time to decode an 8 h shift of 50 tags. Run: {@code java -cp target/test-classes io.lineside.bench.PackedBlockProbe}.
 */
final class PackedBlockProbe {

    private static final int TAGS = 50;
    private static final int HOURS = 8;
    private static final int BLOCK = 3600;
    /** A rollup row: tag, minute, count, first, last, min, max, worst quality (ints and doubles, H2 row overhead). */
    private static final int ROLLUP_ROW_BYTES = 4 + 8 + 4 + 4 * 8 + 1 + 40;

    private PackedBlockProbe() {
    }

    public static void main(String[] args) throws DataFormatException {
        SplittableRandom random = new SplittableRandom(42);
        double[] level = new double[TAGS];
        for (int t = 0; t < TAGS; t++) {
            level[t] = 20 + 5 * t % 60;
        }
        byte[][] blocks = new byte[TAGS * HOURS][];
        long[][] ts = new long[TAGS][BLOCK];
        long[][] recv = new long[TAGS][BLOCK];
        long[][] hundredths = new long[TAGS][BLOCK];
        long packed = 0;
        for (int h = 0; h < HOURS; h++) {
            for (int s = 0; s < BLOCK; s++) {
                long t0 = 1_790_000_000_000L + (h * BLOCK + s) * 1000L;
                for (int t = 0; t < TAGS; t++) {
                    level[t] += random.nextGaussian() * 0.05;
                    ts[t][s] = t0;
                    hundredths[t][s] = Math.round((level[t] + random.nextGaussian() * 0.2) * 100);
                    recv[t][s] = t0 + 3 + random.nextInt(40);
                }
            }
            for (int t = 0; t < TAGS; t++) {
                byte[] block = deflate(encode(ts[t], recv[t], hundredths[t], h * BLOCK + 1L));
                blocks[h * TAGS + t] = block;
                packed += block.length;
            }
        }
        long samples = (long) TAGS * HOURS * BLOCK;
        long rollups = (long) TAGS * HOURS * 60 * ROLLUP_ROW_BYTES;
        long start = System.nanoTime();
        long checksum = 0;
        for (int round = 0; round < 5; round++) {
            start = System.nanoTime();
            for (byte[] block : blocks) {
                checksum += decodeSum(inflate(block));
            }
        }
        double decodeMillis = (System.nanoTime() - start) / 1e6;
        System.out.printf("packed blocks: %.2f B/sample; with per-minute rollups: %.2f B/sample%n",
                packed / (double) samples, (packed + rollups) / (double) samples);
        System.out.printf("decode 8 h x 50 tags (%d samples): %.1f ms (checksum %d)%n", samples, decodeMillis, checksum);
    }

    private static byte[] encode(long[] ts, long[] recv, long[] hundredths, long firstSeq) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(BLOCK * 4);
        varint(out, ts[0]);
        varint(out, firstSeq);
        long lastDelta = 0;
        for (int i = 1; i < ts.length; i++) {
            long delta = ts[i] - ts[i - 1];
            varint(out, zigzag(delta - lastDelta));
            lastDelta = delta;
        }
        for (int i = 0; i < ts.length; i++) {
            varint(out, zigzag(recv[i] - ts[i]));
        }
        // seq: +1 each sample here; a run-length of "+1" would make it ~0 bytes, a varint per sample is the honest worst
        for (int i = 1; i < ts.length; i++) {
            out.write(1);
        }
        varint(out, zigzag(hundredths[0]));
        for (int i = 1; i < hundredths.length; i++) {
            varint(out, zigzag(hundredths[i] - hundredths[i - 1]));
        }
        return out.toByteArray();
    }

    private static long decodeSum(byte[] raw) {
        int[] pos = {0};
        long first = readVarint(raw, pos);
        readVarint(raw, pos);
        long sum = first;
        for (int i = 1; i < BLOCK * 3 - 1; i++) { // dod times, receive offsets, seq deltas
            sum += readVarint(raw, pos);
        }
        long value = unzigzag(readVarint(raw, pos));
        for (int i = 1; i < BLOCK; i++) {
            value += unzigzag(readVarint(raw, pos));
            sum += value;
        }
        return sum;
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
        for (int shift = 0; ; shift += 7) {
            byte b = raw[pos[0]++];
            v |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return v;
            }
        }
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static byte[] deflate(byte[] raw) {
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        deflater.setInput(raw);
        deflater.finish();
        byte[] buf = new byte[raw.length + 64];
        int n = deflater.deflate(buf);
        deflater.end();
        return java.util.Arrays.copyOf(buf, n);
    }

    private static byte[] inflate(byte[] packed) throws DataFormatException {
        Inflater inflater = new Inflater();
        inflater.setInput(packed);
        byte[] buf = new byte[BLOCK * 12];
        int n = inflater.inflate(buf);
        inflater.end();
        return java.util.Arrays.copyOf(buf, n);
    }
}
