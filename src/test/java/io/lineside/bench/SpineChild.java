package io.lineside.bench;

import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The child JVM of {@link FootprintScenario}: runs the Services spine until its parent ends it.
 * Prints {@link #SUBSCRIBED} once messages arrive and {@link #INGESTED} once the expected count is committed.
 * Arguments: broker URL, data directory, expected sample count.
 */
public final class SpineChild {

    static final String SUBSCRIBED = "SUBSCRIBED";
    static final String INGESTED = "INGESTED";

    private SpineChild() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        Path dataDir = Path.of(args[1]);
        long expected = Long.parseLong(args[2]);
        AppConfig config = new AppConfig(Optional.of(url), Optional.empty(), Optional.empty(), Optional.empty(),
                AppConfig.DEFAULT_TOPIC_PREFIX, Optional.of(dataDir), AppConfig.DEFAULT_STALE_AFTER, Optional.empty());
        try (Services services = new Services(config, url, "bench-child-" + ProcessHandle.current().pid(), dataDir,
                Clock.systemUTC())) {
            IngestScenario.Probe.awaitSubscribed(url, services);
            System.out.println(SUBSCRIBED);
            while (services.writer().writtenCount() < expected) {
                Thread.sleep(10);
            }
            System.out.println(INGESTED + " " + services.store().paths().size() + " tags in the store, "
                    + services.writer().writtenCount() + " samples committed");
            System.in.read(); // until the parent closes our stdin or kills us
        }
    }
}
