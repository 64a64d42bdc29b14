package io.lineside.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.AlarmActions;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEngine;
import io.lineside.alarms.MemoryJournal;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.theme.Theme;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.Timeline;
import javafx.animation.KeyFrame;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 16's flood: 60 alarms of a real {@link AlarmEngine} annunciated, their inputs changing at 10 Hz (ten of
 * them crossing their limit back and forth, so rows change state and move), the summary pulsed as the app does.
 * A selected row keeps its selection, focus and scroll position for seconds of updates, and the operator then
 * acknowledges with a note and shelves with a reason, each on the first try.
 */
class AlarmSummaryFloodIT extends FxRobot {

    private static final int ALARMS = 60;

    private final ScheduledExecutorService evaluator = Executors.newSingleThreadScheduledExecutor();
    private final MemoryJournal journal = new MemoryJournal();
    private final AtomicLong seq = new AtomicLong();
    private AlarmEngine engine;
    private AlarmSummaryViewModel model;
    private AlarmSummaryView view;
    private Timeline pulse;
    private final List<TagPath> tags = new ArrayList<>();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        evaluator.shutdownNow();
        interact(() -> {
            if (pulse != null) {
                pulse.stop();
            }
        });
        FxToolkit.cleanupStages();
    }

    private void start() throws Exception {
        List<AlarmDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < ALARMS; i++) {
            TagPath tag = TagPath.parse("demo/assembly/line-" + (1 + i % 3) + "/st" + (10 + i) + "/temperature");
            tags.add(tag);
            Priority p = Priority.values()[i % 4];
            definitions.add(AlarmDefinition.simple("T" + (10 + i), tag, p,
                    new LimitCondition(LimitCondition.Level.H, 50, 0)));
        }
        engine = new AlarmEngine(definitions, journal, Clock.systemUTC());
        evaluator.scheduleAtFixedRate(this::publish, 0, 100, TimeUnit.MILLISECONDS);
        Texts texts = Texts.forLocale(Locale.ENGLISH);
        model = new AlarmSummaryViewModel(engine::snapshot, definitions, List::of, new EngineActions(), texts,
                ZoneOffset.UTC, r -> javafx.application.Platform.runLater(r));
        ViewLoader loader = new ViewLoader(texts.bundle(),
                Map.of(AlarmSummaryView.class, () -> view = new AlarmSummaryView(model, texts)));
        FxToolkit.setupStage(stage -> {
            Parent root = loader.load(AlarmSummaryView.class);
            Scene scene = new Scene(root, 1280, 800);
            Theme.LIGHT.stylesheets().forEach(css -> scene.getStylesheets()
                    .add(Theme.class.getResource(css).toExternalForm()));
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F9), () -> view.acknowledgeSelected());
            stage.setScene(scene);
            stage.show();
            pulse = new Timeline(new KeyFrame(javafx.util.Duration.millis(100), e -> model.pulse(Instant.now())));
            pulse.setCycleCount(Timeline.INDEFINITE);
            pulse.play();
        });
    }

    /** One round of values: every input moves; every sixth crosses its limit every 1.5 s. */
    private void publish() {
        long n = seq.incrementAndGet();
        Instant now = Instant.now();
        for (int i = 0; i < tags.size(); i++) {
            double v = i % 6 == 0 && (n / 15) % 2 == 1 ? 20 + n % 7 : 80 + (n * 7 + i) % 19 + 0.1 * (n % 10);
            engine.onUpdate(new TagUpdate(tags.get(i), new TagValue(v, now, now, Quality.GOOD, n)));
        }
    }

    @Test
    void selectionFocusAndScrollSurviveTheFloodAndAckAndShelveWorkFirstTime() throws Exception {
        start();
        TableView<AlarmRow> table = lookup(".alarm-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == ALARMS);

        // A steady alarm (inputs of every sixth cross back and forth) far enough down to need scrolling.
        AlarmRow target = fx(() -> table.getItems().stream()
                .filter(r -> Integer.parseInt(r.id().substring(1)) % 6 != 4).skip(40).findFirst().orElseThrow());
        interact(() -> table.scrollTo(target));
        WaitForAsyncUtils.waitForFxEvents();
        Node cell = fx(() -> rowOf(table, target.id()));
        clickOn(cell);
        int firstVisible = fx(() -> flow(table).getFirstVisibleCell().getIndex());
        long published = seq.get();

        Thread.sleep(4000); // 40 rounds of values, rows changing state and order around the selected one

        assertTrue(seq.get() - published >= 30, "the flood went on: " + (seq.get() - published) + " rounds");
        interact(() -> {
            assertEquals(List.of(target.id()), view.selectedIds(), "the selection stayed on the operator's row");
            assertEquals(target, table.getFocusModel().getFocusedItem(), "the focus stayed with it");
            assertTrue(table.isFocused(), "the keyboard focus stayed in the table");
            int shownAt = table.getItems().indexOf(target);
            assertEquals(firstVisible, flow(table).getFirstVisibleCell().getIndex(), "no scroll jump");
            assertTrue(shownAt >= firstVisible && shownAt <= flow(table).getLastVisibleCell().getIndex(),
                    "the selected row is still in view");
        });
        assertTrue(revisions(target) > 10, "the selected row itself was updated in place: " + revisions(target));

        // F9 opens the panel naming the alarm, with the focus in the note; Enter confirms.
        type(KeyCode.F9);
        TextField note = lookup(".alarm-note").query();
        assertTrue(note.isFocused(), "F9 puts the focus in the note");
        assertTrue(model.panel().targetsTextProperty().get().endsWith("(" + target.id() + ")"));
        write("checked on the flood");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stateOf(target.id()) == AlarmState.ACKED);
        assertEquals("Acknowledged 1 alarm(s).", model.panel().messageProperty().get());
        assertTrue(journal.events.stream().anyMatch(e -> e.alarmId().equals(target.id())
                && e.note().equals("checked on the flood")));

        // Shelve the same row with a reason, first try.
        clickOn((Button) lookup(n -> n instanceof Button b && b.getId() != null && b.getId().equals("shelveButton"))
                .query());
        clickOn(note);
        write("sensor swap");
        type(KeyCode.ENTER);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> stateOf(target.id()) == AlarmState.SHELVED);
        assertEquals("Shelved " + target.id() + ".", model.panel().messageProperty().get());
    }

    private static <T> T fx(java.util.concurrent.Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
    }

    private static int revisions(AlarmRow row) {
        return row.revisionProperty().get();
    }

    private AlarmState stateOf(String id) {
        return CompletableFuture.supplyAsync(() -> engine.state(id), evaluator).join();
    }

    private static VirtualFlow<?> flow(TableView<?> table) {
        return (VirtualFlow<?>) table.lookup(".virtual-flow");
    }

    private static Node rowOf(TableView<AlarmRow> table, String id) {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof IndexedCell<?> c && c.getItem() instanceof AlarmRow r && r.id().equals(id))
                .findFirst().orElseThrow();
    }

    /** The engine's commands on its own thread, as AlarmService runs them (the security layer is not the subject). */
    private final class EngineActions implements AlarmActions {
        @Override
        public CompletableFuture<Outcome> acknowledge(List<String> ids, String note) {
            return CompletableFuture.supplyAsync(() -> {
                int done = 0;
                for (String id : ids) {
                    done += engine.acknowledge(id, "olga", note) ? 1 : 0;
                }
                return new Outcome(done, List.of());
            }, evaluator);
        }

        @Override
        public CompletableFuture<Outcome> shelve(String id, java.time.Duration d, boolean oneShot, String reason) {
            return CompletableFuture.supplyAsync(() -> new Outcome(engine.shelve(id, "olga", d, reason, oneShot) ? 1 : 0,
                    List.of()), evaluator);
        }

        @Override
        public CompletableFuture<Outcome> unshelve(String id, String note) {
            return CompletableFuture.supplyAsync(() -> new Outcome(engine.unshelve(id, "olga", note) ? 1 : 0,
                    List.of()), evaluator);
        }
    }

}
