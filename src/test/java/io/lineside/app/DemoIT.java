package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.StationState;
import io.lineside.telemetry.ConnectionState;
import io.lineside.testsupport.Eventually;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo composition without a window: embedded broker → simulator → MQTT → store and H2. */
class DemoIT {

    @TempDir
    Path dir;

    @Test
    void theDemoPlantReachesTheStoreAndTheHistory() throws Exception {
        Clock clock = Clock.systemUTC();
        try (Demo demo = Demo.start(clock);
             Services services = new Services(AppConfig.demo(), demo.brokerUrl(), "lineside-demo-it", dir, clock)) {
            Eventually.await("online", Duration.ofSeconds(10),
                    () -> services.connection().status().state() == ConnectionState.ONLINE);
            demo.startSimulator(AppConfig.DEFAULT_TOPIC_PREFIX);
            // 18 stations x 5 signals (state, speed, temperature, cycles, scrap); a reason joins once a station stops
            Eventually.await("18 stations x 5 signals in the store", Duration.ofSeconds(10),
                    () -> services.store().paths().size() >= 90);
            StationId press = new StationId("demo", "assembly", "line-2", "press");
            assertEquals(Quality.GOOD, services.store().get(press.signal("speed")).quality());
            assertTrue(StationState.of(services.store().get(press.signal("state"))) != StationState.UNKNOWN);
            Eventually.await("history holds the first ticks", Duration.ofSeconds(10),
                    () -> services.writer().writtenCount() >= 144);
            assertEquals(0, services.pipeline().diagnostics().snapshot().parseErrors());
            assertEquals(0, services.pipeline().diagnostics().snapshot().seqGaps());
        }
    }
}
