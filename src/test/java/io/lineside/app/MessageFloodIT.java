package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.TagPath;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.PacedPublisher;
import io.lineside.ui.Texts;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RELIABILITY.md scenario 8: a flood of 10x the nominal rate (10k msg/s QoS 1; override with
 * {@code -Dlineside.flood.rate} and {@code -Dlineside.flood.seconds} on a slower machine) through the real spine
 * into H2, with the workshop view-model pulsing at 60 Hz meanwhile.
 */
class MessageFloodIT {

    private static final int RATE = Integer.getInteger("lineside.flood.rate", 10_000);
    private static final Duration BURST = Duration.ofSeconds(Integer.getInteger("lineside.flood.seconds", 10));
    private static final Duration DRAINED_WITHIN = Duration.ofSeconds(30);
    private static final Duration PULSE = Duration.ofMillis(16);
    /** RELIABILITY.md asks for an FX pulse under 50 ms; doubled for GC pauses on a shared 2-core CI box. */
    private static final Duration MAX_PULSE = Duration.ofMillis(100);
    private static final int WARM_UP_PULSES = 60;

    @TempDir
    Path dir;

    @Test
    void aTenfoldFloodLosesNoQos1MessageCoalescesUiWorkAndDrainsWithinThirtySeconds() throws Exception {
        List<String> topics = new ArrayList<>();
        for (int line = 1; line <= 4; line++) {
            for (int station = 1; station <= 10; station++) {
                for (String signal : List.of("speed", "temperature", "cycles")) {
                    topics.add("lineside/demo/assembly/line-" + line + "/st" + station + "/" + signal);
                }
            }
        }
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(AppConfig.demo(), broker.url(), "lineside-flood-" + System.nanoTime(),
                     dir.resolve("data"), Clock.systemUTC());
             PacedPublisher publisher = new PacedPublisher(broker.url(), 1_000)) {
            Eventually.await("subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed());
            WorkshopViewModel workshop = new WorkshopViewModel(services.store(), Texts.forLocale(Locale.ENGLISH));
            // The FX pulse, played by one thread (the view-model is single-threaded, not bound to the toolkit).
            AtomicBoolean pulsing = new AtomicBoolean(true);
            AtomicInteger pulses = new AtomicInteger();
            AtomicInteger mostInOnePulse = new AtomicInteger();
            AtomicLong drainedTotal = new AtomicLong();
            AtomicLong slowestPulse = new AtomicLong();
            Thread fx = Thread.ofPlatform().name("flood-pulse").start(() -> {
                while (pulsing.get()) {
                    long t = System.nanoTime();
                    int drained = workshop.pulse(Instant.now());
                    if (pulses.get() >= WARM_UP_PULSES) { // the first pulses create the tiles and run cold code
                        slowestPulse.accumulateAndGet(System.nanoTime() - t, Math::max);
                    }
                    pulses.incrementAndGet();
                    drainedTotal.addAndGet(drained);
                    mostInOnePulse.accumulateAndGet(drained, Math::max);
                    sleep(PULSE);
                }
            });

            long started = System.nanoTime();
            long published = publisher.publish(topics, RATE, BURST);
            double seconds = (System.nanoTime() - started) / 1e9;
            long burstEnd = System.nanoTime();
            assertEquals(RATE * BURST.toSeconds(), published, "every publish acknowledged by the broker");
            System.out.printf("flood: %d QoS 1 messages in %.1f s (%.0f msg/s offered)%n", published, seconds,
                    published / seconds);

            Eventually.await("backlog drained and every message stored", DRAINED_WITHIN, () ->
                    services.pipeline().backlog() == 0 && services.writer().backlog() == 0 && stored(services) == published);
            System.out.printf("flood: drained %.1f s after the burst%n", (System.nanoTime() - burstEnd) / 1e9);
            pulsing.set(false);
            fx.join();

            assertEquals(0, services.pipeline().diagnostics().snapshot().queueFull(), "nothing dropped at ingest");
            assertEquals(0, services.writer().droppedCount() + services.writer().failedCount());
            assertEquals(0, services.pipeline().diagnostics().snapshot().seqGaps(), "no seq gap");
            assertTrue(mostInOnePulse.get() <= topics.size(), "a pulse drains each changed tag once, not each message: "
                    + mostInOnePulse.get());
            // 83 msg/s per tag against a 60 Hz pulse coalesces about 2:1 here; a hotter tag would coalesce more.
            assertTrue(drainedTotal.get() <= (long) pulses.get() * topics.size() && drainedTotal.get() < published,
                    "UI work follows pulses x tags, not messages: " + drainedTotal.get() + " tag drains for "
                            + published + " messages over " + pulses.get() + " pulses");
            assertTrue(slowestPulse.get() < MAX_PULSE.toNanos(), "slowest pulse " + slowestPulse.get() / 1_000_000 + " ms");
            System.out.printf("flood: %d tag drains over %d pulses, slowest pulse %.1f ms%n", drainedTotal.get(),
                    pulses.get(), slowestPulse.get() / 1e6);

            // Live latency is back to normal: a fresh message reaches the store at once.
            TagPath probe = TagPath.parse("demo/assembly/line-1/st1/speed");
            long before = services.store().get(probe).seq();
            long sent = System.nanoTime();
            publisher.publish(List.of("lineside/demo/assembly/line-1/st1/speed"), 1_000, Duration.ofMillis(1));
            Eventually.await("a fresh message in the store", Duration.ofSeconds(2),
                    () -> services.store().get(probe).seq() == before + 1);
            Duration latency = Duration.ofNanos(System.nanoTime() - sent);
            assertTrue(latency.compareTo(Duration.ofMillis(500)) < 0, "latency after the burst: " + latency);
        }
    }

    private static long stored(Services services) {
        try {
            return services.query().sampleCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
