package io.lineside.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmPreview;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The editor's preview over a scripted series in a real H2 history file, against counts worked out by hand. */
class AlarmPreviewTest {

    private static final Instant T0 = Samples.T0;

    @TempDir
    Path dir;

    /**
     * H 50, deadband 2, on-delay 5 s. 55 at 10 s holds to 20 s (49 is above 50 - 2): fires once. 51 at 40 s is gone
     * at 42 s, before its on-delay: no. 60 at 50 s, 61 at 60 s: fires. 70 s: back to 30. Twice; three times
     * without the on-delay. A sample before the window is not replayed.
     */
    @Test
    void countsActivationsWithTheDeadbandAndTheOnDelayAsTheEngineWould() throws Exception {
        HistoryDatabase db = HistoryDatabase.open(dir);
        try {
            double[][] series = {{-30, 90}, {0, 40}, {10, 55}, {20, 49}, {30, 47}, {40, 51}, {42, 44}, {50, 60},
                    {60, 61}, {70, 30}};
            try (HistoryWriter writer = new HistoryWriter(db)) {
                long seq = 0;
                for (double[] s : series) {
                    writer.accept(Samples.good(Samples.TEMP, T0.plusSeconds((long) s[0]), s[1], ++seq));
                }
            }
            HistoryQuery query = new HistoryQuery(db);
            Instant end = T0.plusSeconds(120);
            AlarmDefinition high = AlarmDefinition.simple("T-H", Samples.TEMP, Priority.HIGH,
                    new LimitCondition(LimitCondition.Level.H, 50, 2));
            AlarmPreview.Result noDelay = AlarmPreview.count(high, query::samples, T0, end);
            AlarmPreview.Result delayed = AlarmPreview.count(withOnDelay(high, 5), query::samples, T0, end);

            assertEquals(new AlarmPreview.Result(3, 9, false), noDelay);
            assertEquals(2, delayed.fired());
        } finally {
            db.close();
        }
    }

    private static AlarmDefinition withOnDelay(AlarmDefinition d, int seconds) {
        return new AlarmDefinition(d.id(), d.tag(), d.station(), d.priority(), d.condition(),
                Duration.ofSeconds(seconds), Duration.ZERO, false, Duration.ZERO, Duration.ofHours(8),
                Map.of("en", d.id()), Optional.empty(), Optional.empty());
    }
}
