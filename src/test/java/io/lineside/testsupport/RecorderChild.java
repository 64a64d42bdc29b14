package io.lineside.testsupport;

import io.lineside.app.AppConfig;
import io.lineside.app.Services;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The ingest spine in a JVM of its own, so a test can kill it with SIGKILL. Arguments: broker URL, client id,
 * data directory, and the tag whose latest sequence number to report. Prints {@code seq=<n> written=<n>}
 * every 50 ms; SIGTERM closes the services (which drains the history writer).
 */
public final class RecorderChild {

    private RecorderChild() {
    }

    public static void main(String[] args) throws Exception {
        TagPath watched = TagPath.parse(args[3]);
        Services services = new Services(AppConfig.demo(), args[0], args[1], Path.of(args[2]), Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(new Thread(services::close));
        while (true) {
            TagValue v = services.store().get(watched);
            System.out.println("seq=" + (v == null ? 0 : v.seq()) + " written=" + services.writer().writtenCount());
            System.out.flush();
            Thread.sleep(50);
        }
    }
}
