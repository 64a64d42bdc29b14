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
}
