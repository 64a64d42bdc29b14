package io.lineside.testsupport;

import io.lineside.alarms.AlarmDefinitionsLoader;
import io.lineside.alarms.AlarmEngine;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryWriter;
import io.lineside.sim.SimMessage;
import io.lineside.sim.SimPlant;
import io.lineside.sim.StationKind;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.telemetry.JsonPayloadDecoder;
import io.lineside.telemetry.TopicMapper;
import java.time.Duration;
import java.time.Instant;

/**
 * Fills a real history file with a simulated stretch of production, no broker involved: the simulator's model is
 * ticked on a test clock and its messages go through the real decoder into the {@link HistoryWriter}, and through
 * the demo alarm definitions into the alarm journal.
 */
public final class SimulatedShift {

    public static final String PREFIX = "lineside";

    private SimulatedShift() {
    }

    /**
     * Simulates {@code lines} demo lines from {@code from} to {@code to}, one tick per {@code step}.
     *
     * @return how many samples were written
     */
    public static long record(HistoryDatabase db, Instant from, Instant to, Duration step, int lines, long seed)
            throws Exception {
        SimPlant plant = new SimPlant(PREFIX, "demo", "assembly", lines, StationKind.DEMO_LINE, 1_800, seed);
        TopicMapper topics = new TopicMapper(PREFIX);
        JsonPayloadDecoder decoder = new JsonPayloadDecoder();
        MutableClock clock = new MutableClock(from);
        long written = 0;
        try (HistoryWriter writer = new HistoryWriter(db);
             AlarmJournalStore journal = new AlarmJournalStore(db)) {
            AlarmEngine alarms = new AlarmEngine(new AlarmDefinitionsLoader().loadDemo(), journal, clock);
            for (Instant t = from; t.isBefore(to); t = t.plus(step)) {
                clock.advance(Duration.between(clock.instant(), t));
                for (SimMessage m : plant.tick(t)) {
                    TagPath path = topics.map(m.topic());
                    TagUpdate update = new TagUpdate(path, decoder.decode(m.payload(), t));
                    writer.put(update);
                    alarms.onUpdate(update);
                    written++;
                }
                alarms.tick(t);
            }
        }
        return written;
    }
}
