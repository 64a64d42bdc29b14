package io.lineside.tags;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TagStoreTest {

    private static final Instant T0 = Instant.parse("2026-11-23T08:00:00Z");
    private static final TagPath SPEED = TagPath.parse("demo/assembly/line-1/press/speed");
    private static final TagPath STATE = TagPath.parse("demo/assembly/line-1/press/state");

    private final TagStore store = new TagStore();

    private void put(TagPath path, Object value, Quality quality, Instant received) {
        store.apply(new TagUpdate(path, new TagValue(value, received, received, quality, -1)));
    }

    @Test
    void staleWatchdogMarksOnlyLiveValuesOlderThanTheCutoffAndKeepsTheValue() {
        put(SPEED, 42.0, Quality.GOOD, T0);
        put(STATE, "running", Quality.GOOD, T0.plusSeconds(10));
        TagPath bad = TagPath.parse("demo/assembly/line-1/press/temperature");
        put(bad, null, Quality.BAD, T0);
        assertEquals(1, store.markStale(T0.plusSeconds(5)));
        assertEquals(Quality.STALE, store.get(SPEED).quality());
        assertEquals(42.0, store.get(SPEED).number());
        assertEquals(Quality.GOOD, store.get(STATE).quality());
        assertEquals(Quality.BAD, store.get(bad).quality(), "BAD says more than STALE");
        assertEquals(1, store.markStale(null), "connection lost: everything live turns stale");
        assertEquals(Quality.STALE, store.get(STATE).quality());
    }

    @Test
    @Timeout(value = 5, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // an unbounded drain never returns
    void aTagChangingDuringTheDrainIsHandedOutByTheNextDrainNotAgainByThisOne() {
        DirtyTracker tracker = store.newTracker();
        put(SPEED, 1.0, Quality.GOOD, T0);
        put(STATE, "running", Quality.GOOD, T0);
        // A flood re-marks every tag while the pulse drains: the drain must still end, one call per tag.
        Runnable remark = () -> put(SPEED, 2.0, Quality.GOOD, T0.plusSeconds(1));
        assertEquals(2, tracker.drain(path -> remark.run()));
        assertEquals(1, tracker.drain(path -> { }));
        assertEquals(0, tracker.drain(path -> { }));
    }

    @Test
    void eachReaderDrainsEachChangedTagOnce() {
        DirtyTracker a = store.newTracker();
        DirtyTracker b = store.newTracker();
        for (int i = 0; i < 100; i++) {
            put(SPEED, (double) i, Quality.GOOD, T0);
        }
        put(STATE, "idle", Quality.GOOD, T0);
        List<TagPath> drained = new java.util.ArrayList<>();
        assertEquals(2, a.drain(drained::add));
        assertEquals(List.of(SPEED, STATE), drained);
        assertEquals(0, a.drain(p -> { }));
        assertEquals(2, b.drain(p -> { }));
        a.close();
        b.close();
        assertEquals(0, store.readerCount());
    }

    @Test
    void concurrentProducersDirtyEveryTagTheyTouch() throws InterruptedException {
        DirtyTracker reader = store.newTracker();
        int producers = 4;
        int tags = 50;
        CountDownLatch done = new CountDownLatch(producers);
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) {
                    TagPath path = TagPath.parse("s/a/l/st" + (i % tags) + "/p" + id);
                    put(path, (double) i, Quality.GOOD, T0);
                }
                done.countDown();
            });
        }
        Set<TagPath> seen = new HashSet<>();
        while (done.getCount() > 0) {
            reader.drain(seen::add);
        }
        reader.drain(seen::add);
        assertEquals(producers * tags, seen.size());
        assertEquals(0, reader.drain(p -> { }));
    }

    @Test
    void pathsRefuseWildcardsMarkupAndControlCharacters() {
        for (String bad : List.of("a/b/c/d/+", "a/b/c/d/#", "a/b/c/d/<b>", "a/b/c/d/x\u0000", "a/b/c/d", "a/b/c/d/e/f",
                "a/b/c/d/" + "x".repeat(65), "a/b/c/d/'; DROP TABLE tag;--", "a/b/c/d/\u202Eevil")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TagPath.parse(bad));
            assertEquals(false, e.getMessage().contains("\u0000") || e.getMessage().contains("\u202E"), e.getMessage());
        }
        assertEquals("demo/assembly/line-1/press/speed", SPEED.toString());
    }

    @Test
    void aTagWithAnExpectedPeriodTurnsStaleAfterThreePeriodsOthersAfterTheGlobalLimit() {
        TagStore store = new TagStore();
        TagPath fast = TagPath.parse("demo/assembly/line-1/press/temperature");
        TagPath slow = TagPath.parse("demo/assembly/line-1/press/cycles");
        TagPath plain = TagPath.parse("demo/assembly/line-1/press/speed");
        store.describe(fast, new TagMeta("", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, java.time.Duration.ofSeconds(2)));
        store.describe(slow, new TagMeta("", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, java.time.Duration.ofMinutes(1)));
        for (TagPath p : new TagPath[] {fast, slow, plain}) {
            store.apply(new TagUpdate(p, TagValue.good(1, T0, T0, 1)));
        }
        java.time.Duration global = java.time.Duration.ofSeconds(10);
        assertEquals(0, store.markStale(T0.plusSeconds(6), global), "exactly 3 periods: not yet");
        assertEquals(1, store.markStale(T0.plusMillis(6_001), global));
        assertEquals(Quality.STALE, store.get(fast).quality());
        assertEquals(1, store.markStale(T0.plusMillis(10_001), global), "the undescribed tag keeps the global limit");
        assertEquals(Quality.STALE, store.get(plain).quality());
        assertEquals(Quality.GOOD, store.get(slow).quality(), "a slow tag is not stale after the global 10 s");
        assertEquals(1, store.markStale(T0.plusSeconds(181), global));
    }

    @Test
    void aVeryFastTagIsNeverStaleSoonerThanOneSecond() {
        TagStore store = new TagStore();
        TagPath fast = TagPath.parse("demo/assembly/line-1/press/vibration");
        store.describe(fast, new TagMeta("mm/s", 0, 50, java.time.Duration.ofMillis(10)));
        store.apply(new TagUpdate(fast, TagValue.good(1, T0, T0, 1)));
        assertEquals(0, store.markStale(T0.plusMillis(999), java.time.Duration.ofSeconds(5)));
        assertEquals(1, store.markStale(T0.plusMillis(1_001), java.time.Duration.ofSeconds(5)));
        assertEquals("mm/s", store.meta(fast).unit());
        assertEquals(TagMeta.NONE, store.meta(TagPath.parse("demo/assembly/line-1/press/other")));
    }

    @Test
    void staleKeepsTheFlagsOfTheLastValue() {
        TagStore store = new TagStore();
        TagPath path = TagPath.parse("demo/assembly/line-1/press/temperature");
        store.apply(new TagUpdate(path, new TagValue(900.0, T0, T0, Quality.UNCERTAIN, 1, TagValue.OUT_OF_RANGE)));
        store.markStale(null);
        assertEquals(Quality.STALE, store.get(path).quality());
        assertEquals(true, store.get(path).outOfRange());
    }
}
