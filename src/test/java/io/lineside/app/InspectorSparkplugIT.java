package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.inspect.InspectedMessage;
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

/** The inspector also sees the Sparkplug link, and shows a Tahu edge node's payloads decoded. */
class InspectorSparkplugIT {

    @TempDir
    Path dir;

    @Test
    void inspectorShowsSparkplugPayloadsDecodedFromTheHostLink() throws Exception {
        AppConfig base = AppConfig.demo();
        AppConfig config = new AppConfig(base.brokerUrl(), base.clientId(), base.username(), base.password(),
                base.topicPrefix(), base.dataDir(), base.staleAfter(), base.language(), List.of(), Optional.empty(),
                base.idleLock(), base.alarmsFile(), Optional.of(SparkplugSettings.defaults(List.of("plant1"), "it-host")));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                    () -> services.sparkplug().orElseThrow().connection().subscribed());
            services.inspector().setWatching(true);
            try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 5)) {
                edge.birth();
                edge.deviceData(0.8);
                Eventually.await("DDATA captured", Duration.ofSeconds(10), () -> services.inspector().recent()
                        .stream().anyMatch(m -> m.topic().startsWith("spBv1.0/plant1/DDATA/")));
            }
            InspectedMessage ddata = services.inspector().recent().stream()
                    .filter(m -> m.topic().startsWith("spBv1.0/plant1/DDATA/")).findFirst().orElseThrow();
            assertFalse(ddata.error(), ddata.detail());
            assertTrue(ddata.summary().startsWith("DDATA seq "), ddata.summary());
            assertTrue(ddata.detail().contains("= 0.8"), ddata.detail());
            InspectedMessage nbirth = services.inspector().recent().stream()
                    .filter(m -> m.topic().startsWith("spBv1.0/plant1/NBIRTH/")).findFirst().orElseThrow();
            assertTrue(nbirth.detail().contains("\"bdSeq\""), nbirth.detail());
        }
    }
}
