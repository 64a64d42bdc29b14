package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.TahuEdgeNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A config with a sparkplug: section makes Services run the Sparkplug host beside the JSON link. */
class SparkplugServicesIT {

    private static final TagPath SPEED = TagPath.parse("plant1/press-cell/press1/Ram/speed");

    @TempDir
    Path dir;

    @Test
    void sparkplugSectionStartsAHostWhoseValuesAndCountsReachTheStoreAndDiagnostics() throws Exception {
        AppConfig base = AppConfig.demo();
        AppConfig config = new AppConfig(base.brokerUrl(), base.clientId(), base.username(), base.password(),
                base.topicPrefix(), base.dataDir(), base.staleAfter(), base.language(), List.of(), Optional.empty(),
                base.idleLock(), base.alarmsFile(), Optional.of(SparkplugSettings.defaults(List.of("plant1"), "it-host")));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                    () -> services.sparkplug().orElseThrow().connection().subscribed());
            try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 5)) {
                edge.birth();
                edge.deviceData(0.8);
                Eventually.await("speed in the store", Duration.ofSeconds(10), () -> {
                    TagValue v = services.store().get(SPEED);
                    return v != null && v.quality() == Quality.GOOD && v.number() == 0.8;
                });
                edge.death(5);
                Eventually.await("STALE on NDEATH", Duration.ofSeconds(2),
                        () -> services.store().get(SPEED).quality() == Quality.STALE);
            }
            IngestDiagnostics.Snapshot counts = services.pipeline().diagnostics().snapshot();
            assertEquals(4, counts.decoded(), "NBIRTH, DBIRTH, DDATA, NDEATH in the pane's counters");
            assertEquals(0, counts.parseErrors());
        }
    }
}
