package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BlockCodecTest {

    private static final long HOUR = 1_740_808_800_000L; // 2025-03-01T06:00Z

    @Test
    void analogHourRoundTripsExactlyInUnderTwoBytesPerSample() {
        SplittableRandom random = new SplittableRandom(7);
        SampleColumns s = new SampleColumns(3600);
        double level = 20;
        for (int i = 0; i < 3600; i++) {
            level += random.nextGaussian() * 0.05;
            double value = Math.round((level + random.nextGaussian() * 0.2) * 100) / 100.0;
            s.add(HOUR + i * 1000L, i + 1, HOUR + i * 1000L + 3 + random.nextInt(40), value, null, 0);
        }
        byte[] packed = BlockCodec.encode(s);
        assertSame(s, BlockCodec.decode(packed));
        assertTrue(packed.length < 2 * 3600, "1 Hz hundredths pack below 2 B/sample, got " + packed.length);
    }

    @Test
    void oddValuesTextsQualitiesAndMissingSeqRoundTripBitForBit() {
        SampleColumns s = new SampleColumns(4);
        double[] odd = {-0.0, 0.0, 0.1, 1e300, -1e-300, Double.MIN_VALUE, Double.MAX_VALUE, 1 / 3.0, 12345.678901234};
        for (int i = 0; i < odd.length; i++) {
            s.add(HOUR + i, -1, HOUR + i - 7, odd[i], null, i % 4); // seq -1: the publisher sends none
        }
        s.add(HOUR + 50, -1, HOUR + 60, Double.NaN, "RUNNING", 0);
        s.add(HOUR + 51, -1, HOUR + 61, Double.NaN, "停机 – 换模", 1); // non-ASCII text
        s.add(HOUR + 52, -1, HOUR + 62, Double.NaN, "", 0);
        s.add(HOUR + 53, 5, HOUR + 63, Double.NaN, null, 2); // BAD without a value
        assertSame(s, BlockCodec.decode(BlockCodec.encode(s)));
    }

    @Test
    void outOfOrderTimesAndDuplicatesRoundTripAsGiven() {
        SampleColumns s = new SampleColumns(4);
        s.add(HOUR + 5000, 3, HOUR + 5001, 1.5, null, 0);
        s.add(HOUR + 1000, 1, HOUR + 9000, 2.5, null, 0); // late arrival
        s.add(HOUR + 1000, 1, HOUR + 9000, 2.5, null, 0); // redelivered duplicate
        s.add(HOUR + 1000, 0, HOUR + 900, -7.25, null, 3); // same time, lower seq
        s.add(Long.MIN_VALUE / 4, Long.MAX_VALUE / 4, 0, 1e6, null, 0);
        assertSame(s, BlockCodec.decode(BlockCodec.encode(s)));
    }

    @Test
    void sortedOrdersByTimeThenSeqAndKeepsTheLastCopyOfADuplicate() {
        SampleColumns s = new SampleColumns(4);
        s.add(HOUR + 5000, 3, HOUR, 1.5, null, 0);
        s.add(HOUR + 1000, 1, HOUR, 2.5, null, 0);
        s.add(HOUR + 1000, 0, HOUR, 9, null, 0);
        s.add(HOUR + 1000, 1, HOUR, 3.5, null, 1); // redelivery of (1000, 1): replaces 2.5
        SampleColumns sorted = s.sorted();
        assertArrayEquals(new long[] {HOUR + 1000, HOUR + 1000, HOUR + 5000}, Arrays.copyOf(sorted.ts, sorted.size));
        assertArrayEquals(new double[] {9, 3.5, 1.5}, Arrays.copyOf(sorted.num, sorted.size));
        assertEquals(1, sorted.quality[1]);
    }

    @Test
    void emptyBlockRoundTripsAndGarbageIsRefused() {
        assertEquals(0, BlockCodec.decode(BlockCodec.encode(new SampleColumns(0))).size);
        assertThrows(IllegalArgumentException.class, () -> BlockCodec.decode(new byte[] {1, 2, 3, 4}));
    }

    static void assertSame(SampleColumns expected, SampleColumns actual) {
        assertEquals(expected.size, actual.size, "size");
        for (int i = 0; i < expected.size; i++) {
            String at = "sample " + i;
            assertEquals(expected.ts[i], actual.ts[i], at);
            assertEquals(expected.seq[i], actual.seq[i], at);
            assertEquals(expected.recv[i], actual.recv[i], at);
            assertEquals(Double.doubleToRawLongBits(expected.num[i]), Double.doubleToRawLongBits(actual.num[i]),
                    at + ": " + expected.num[i] + " vs " + actual.num[i]);
            assertEquals(expected.txt[i], actual.txt[i], at);
            assertEquals(expected.quality[i], actual.quality[i], at);
        }
    }
}
