package io.lineside.bench;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmReplay;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.Priority;
import io.lineside.history.AlarmJournalStore;
import io.lineside.history.HistoryDatabase;
import io.lineside.history.HistoryWriter;
import io.lineside.history.ReplayHistory;
import io.lineside.history.ReplayRecording;
import io.lineside.replay.ReplayFeed;
import io.lineside.replay.ReplaySource;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.nav.LineId;
import io.lineside.ui.plant.PlantView;
import io.lineside.ui.plant.PlantViewModel;
import io.lineside.ui.workshop.LineView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Scenario 5: replay. An 8 h shift of 3 lines x 18 stations (temperature at 1 Hz, speed every 2 s, cycles every 5 s, a
 * state change every ~10 min, alarms raised, acked and cleared) written through the real {@link HistoryWriter}
 * into an H2 file and folded into packed blocks; then the window is loaded once ({@link ReplayHistory}) and the
 * cursor scrubbed to random instants. One scrub frame = the frame rebuilt from memory, pushed into the replay tag
 * store, the view-models' pulse, and the view's CSS, layout and render ({@code Node.snapshot}, prism sw) on the FX
 * thread: what the operator waits for when dragging the cursor.
 */
final class ReplayScenario implements Scenario {

    static final String NAME = "5 replay";
    private static final Instant START = Instant.parse("2026-11-02T06:00:00Z");
    private static final String[] STATES = {"running", "idle", "fault", "running", "blocked"};

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<Row> run(BenchContext context) throws Exception {
        int lines = context.size(1, 3);
        int stations = context.size(3, 18);
        int seconds = context.size(300, 8 * 3600);
        int frames = context.size(5, 300);
        Fx.start();
        List<Row> rows = new ArrayList<>();
        try (HistoryDatabase db = HistoryDatabase.open(context.dir("replay-history"))) {
            long t0 = System.nanoTime();
            long samples = record(db, lines, stations, seconds);
            double written = (System.nanoTime() - t0) / 1e9;
            Instant end = START.plusSeconds(seconds);
            String shift = lines + " lines x " + stations + " stations, " + seconds / 3600.0 + " h, " + samples
                    + " samples written and folded in " + String.format(Locale.ROOT, "%.0f", written) + " s";
            context.progress("replay: %s", shift);
            ReplayHistory history = new ReplayHistory(db);
            for (boolean plant : new boolean[] {false, true}) {
                String what = plant ? "plant overview (" + lines * stations + " stations)" : "line (" + stations
                        + " stations)";
                long l0 = System.nanoTime();
                ReplayRecording rec = history.load(START, end, p -> plant || p.line().equals("line-1"));
                double loadMs = (System.nanoTime() - l0) / 1e6;
                ReplaySource source = new ReplaySource(rec, new AlarmReplay(rec.alarmsBefore(), rec.alarmEvents(),
                        id -> null));
                rows.add(Row.measured(NAME, "replay window load, " + what, loadMs, "ms", null,
                        rec.tracks().size() + " tags, " + rec.sampleCount() + " samples held, "
                                + rec.alarmEvents().size() + " journal rows; once per window (" + shift + ")"));
                long[] scrub = measure(source, plant, frames, true);
                Percentiles model = new Percentiles(java.util.Arrays.copyOfRange(scrub, 0, frames));
                Percentiles whole = new Percentiles(java.util.Arrays.copyOfRange(scrub, frames, 2 * frames));
                rows.add(Row.measured(NAME, "replay scrub frame p95, " + what, whole.millis(95), "ms",
                        Target.atMost(50, "ms"), frames + " random instants of the shift (p50 "
                                + Row.format(whole.millis(50)) + " ms): frame from memory + replay tag store +"
                                + " view-model pulse + CSS, layout and render (Node.snapshot, prism sw) of the "
                                + (plant ? "plant" : "line") + " view at 1280x800; of it the model part p95 "
                                + Row.format(model.millis(95)) + " ms, the frame from memory alone p95 "
                                + Row.format(new Percentiles(java.util.Arrays.copyOfRange(scrub, 2 * frames,
                                        3 * frames)).millis(95)) + " ms"));
                long[] play = measure(source, plant, frames, false);
                Percentiles q = new Percentiles(java.util.Arrays.copyOfRange(play, frames, 2 * frames));
                rows.add(Row.measured(NAME, "replay x60 playback frame p95, " + what, q.millis(95), "ms", null,
                        frames + " consecutive frames 1 s of history apart (x60 at 60 fps), same work; p50 "
                                + Row.format(q.millis(50)) + " ms"));
            }
        }
        return rows;
    }

    /**
     * Frame times in ns, on the FX thread: random instants when {@code scrub}, else 1 s steps from the start. The
     * first {@code frames} entries are the model's work (frame, tag store, pulse), the next the whole repaint.
     */
    private static long[] measure(ReplaySource source, boolean plant, int frames, boolean scrub) throws Exception {
        Probe probe = Fx.call(() -> new Probe(source, plant));
        SplittableRandom random = new SplittableRandom(7);
        long span = source.to().toEpochMilli() - source.from().toEpochMilli();
        long[] out = new long[3 * frames]; // model work, model + CSS, layout and render, the frame from memory
        for (int i = -5; i < frames; i++) { // five warm-up frames
            Instant at = scrub ? source.from().plusMillis(random.nextLong(span))
                    : source.from().plusSeconds(Math.max(i, 0) + 60L);
            long[] t = Fx.call(() -> probe.frame(at)); // one frame per FX call: a loaded box never times out
            if (i >= 0) {
                out[i] = t[0];
                out[frames + i] = t[1];
                out[2 * frames + i] = t[2];
            }
        }
        Fx.run(probe::dispose);
        return out;
    }

    /** The replayed view on its own replay store, in a 1280x800 scene. FX thread only. */
    private static final class Probe {
        private final ReplaySource source;
        private final ReplayFeed feed = new ReplayFeed(new TagStore());
        private final io.lineside.alarms.AlarmSnapshot[] banner;
        private final Parent root;
        private final Consumer<Instant> pulse;
        private final Runnable dispose;

        Probe(ReplaySource source, boolean plant) {
            this.source = source;
            Texts texts = Texts.forLocale(Locale.ENGLISH);
            banner = new io.lineside.alarms.AlarmSnapshot[] {io.lineside.alarms.AlarmSnapshot.empty(source.from())};
            if (plant) {
                PlantViewModel model = new PlantViewModel(feed.store(), () -> banner[0], l -> 3_600, texts);
                PlantView view = new PlantView(model, texts);
                root = load(texts, PlantView.class, () -> view);
                pulse = model::pulse;
                dispose = () -> {
                    view.dispose();
                    model.dispose();
                };
            } else {
                WorkshopViewModel model = new WorkshopViewModel(feed.store(), texts);
                LineView view = new LineView(model, new LineId("bench", "assembly", "line-1"), texts);
                root = load(texts, LineView.class, () -> view);
                pulse = model::pulse;
                dispose = () -> {
                    view.dispose();
                    model.dispose();
                };
            }
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(ReplayScenario.class.getResource("/io/lineside/ui/lineside.css")
                    .toExternalForm());
        }

        /** One scrub frame at {@code at}: {model ns, whole ns, frame-from-memory ns}. */
        long[] frame(Instant at) {
            long t0 = System.nanoTime();
            io.lineside.replay.ReplayFrame frame = source.frame(at);
            long tf = System.nanoTime();
            banner[0] = frame.banner();
            feed.show(frame);
            pulse.accept(at);
            long t1 = System.nanoTime();
            root.applyCss();
            root.layout();
            root.snapshot(null, null);
            return new long[] {t1 - t0, System.nanoTime() - t0, tf - t0};
        }

        void dispose() {
            dispose.run();
        }
    }

    private static Parent load(Texts texts, Class<?> type, Supplier<?> controller) {
        return new ViewLoader(texts.bundle(), Map.of(type, controller)).load(type);
    }

    /** Writes the shift; returns the samples written. */
    private static long record(HistoryDatabase db, int lines, int stations, int seconds) throws Exception {
        SplittableRandom random = new SplittableRandom(42);
        List<StationId> ids = new ArrayList<>();
        for (int l = 1; l <= lines; l++) {
            for (int s = 1; s <= stations; s++) {
                ids.add(new StationId("bench", "assembly", "line-" + l, String.format(Locale.ROOT, "st%02d", s)));
            }
        }
        long count = 0;
        try (HistoryWriter writer = new HistoryWriter(db); AlarmJournalStore journal = new AlarmJournalStore(db)) {
            double[] temp = new double[ids.size()];
            double[] cycles = new double[ids.size()];
            for (int s = 0; s < seconds; s++) {
                Instant ts = START.plusSeconds(s);
                for (int i = 0; i < ids.size(); i++) {
                    StationId id = ids.get(i);
                    temp[i] += random.nextGaussian() * 0.05;
                    writer.accept(update(id, "temperature", Math.round((60 + temp[i]) * 100) / 100.0, ts, s));
                    count++;
                    if (s % 2 == 0) {
                        writer.accept(update(id, "speed", Math.round(random.nextDouble(80, 120) * 10) / 10.0, ts, s));
                        count++;
                    }
                    if (s % 5 == 0) {
                        cycles[i] += 1 + random.nextInt(2);
                        writer.accept(update(id, "cycles", cycles[i], ts, s));
                        count++;
                    }
                    if ((s + 37L * i) % 600 == 0) {
                        String state = STATES[random.nextInt(STATES.length)];
                        writer.accept(new TagUpdate(id.signal("state"), new TagValue(state, ts, ts.plusMillis(4),
                                Quality.GOOD, s)));
                        count++;
                        if (state.equals("fault")) {
                            alarm(journal, id, ts);
                        }
                    }
                }
                while (writer.backlog() > 40_000) {
                    Thread.sleep(1);
                }
            }
            if (!writer.awaitFolded(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the shift was not folded within 10 min");
            }
        }
        return count;
    }

    private static TagUpdate update(StationId id, String signal, double value, Instant ts, long seq) {
        return new TagUpdate(id.signal(signal), TagValue.good(value, ts, ts.plusMillis(4), seq));
    }

    private static void alarm(AlarmJournalStore journal, StationId id, Instant ts) {
        String alarm = id.station() + "-" + id.line() + "-FAULT";
        journal.append(event(ts, alarm, AlarmTrigger.ACTIVATE, AlarmState.NORMAL, AlarmState.UNACK, "system", id));
        journal.append(event(ts.plusSeconds(45), alarm, AlarmTrigger.ACK, AlarmState.UNACK, AlarmState.ACKED,
                "operator", id));
        journal.append(event(ts.plusSeconds(300), alarm, AlarmTrigger.CLEAR, AlarmState.ACKED, AlarmState.NORMAL,
                "system", id));
    }

    private static AlarmEvent event(Instant t, String alarm, AlarmTrigger trigger, AlarmState from, AlarmState to,
                                    String user, StationId id) {
        return new AlarmEvent(t, alarm, trigger, from, to, Priority.HIGH, id.area(), id.toString(),
                id.signal("state").toString(), "fault", user, "", "station fault");
    }
}
