package io.lineside.ui.layout;

import static io.lineside.ui.layout.PlanFixture.T0;
import static io.lineside.ui.layout.PlanFixture.demoStation;
import static io.lineside.ui.layout.PlanFixture.publish;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.tags.Quality;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.theme.Theme;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The floor plan drawn headless (Monocle, software rendering): snapshots for review, and what a pulse costs the scene. */
class FloorPlanViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        // Through TestFX, as every UI test does: a toolkit started with Platform.startup first leaves TestFX's
        // later robot tests (OverviewFlowIT, ...) clicking into nothing when they share the JVM.
        FxToolkit.registerPrimaryStage();
    }

    static <T> T fx(Supplier<T> work) throws Exception {
        return fx(work, 60);
    }

    static <T> T fx(Supplier<T> work, int timeoutSeconds) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(timeoutSeconds, TimeUnit.SECONDS);
    }

    /** Line 1 of the demo plant with a fault, a starved station, a value over its limit, a BAD and a stale value. */
    private static TagStore eventfulLine() {
        TagStore store = new TagStore();
        PlanFixture.runningDemo(store, T0);
        publish(store, demoStation(1, "press"), "state", "fault", T0);
        publish(store, demoStation(1, "press"), "speed", 0.0, T0);
        publish(store, demoStation(1, "inspect"), "state", "starved", T0);
        publish(store, demoStation(1, "inspect"), "speed", 0.0, T0);
        publish(store, demoStation(1, "weld"), "temperature", 219.4, T0);
        store.apply(new TagUpdate(demoStation(1, "paint").signal("temperature"),
                new TagValue(null, T0, T0.minusSeconds(2), Quality.BAD, 9)));
        for (String signal : new String[] {"state", "speed", "temperature"}) {
            publish(store, demoStation(1, "pack"), signal, signal.equals("state") ? "running" : 26.0, T0.minusSeconds(42));
        }
        store.markStale(T0.minusSeconds(10));
        return store;
    }

    private record Shown(Parent root, FloorPlanViewModel vm) {
    }

    private static Shown plan(TagStore store, Locale locale, double width, double height, Instant now) throws Exception {
        return plan(store, locale, width, height, now, FloorPlanViewModel.line("assembly", "line-1"), Theme.LIGHT);
    }

    private static Shown plan(TagStore store, Locale locale, double width, double height, Instant now,
                              java.util.function.Predicate<io.lineside.tags.StationId> scope, Theme theme)
            throws Exception {
        return fx(() -> {
            FloorPlanViewModel vm = new FloorPlanViewModel(store, Texts.forLocale(locale), Runnable::run);
            vm.showOnly(scope);
            try {
                vm.show(PlanFixture.demo());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            // A few values per pulse, as the app sees them, so sparklines have a history.
            for (int i = 0; i < 40; i++) {
                Instant t = now.minusMillis((40 - i) * 500L);
                for (int s = 0; s < PlanFixture.DEMO_STATIONS.size(); s++) {
                    if (s != 3 && s != 5) {
                        double base = new double[] {24, 45, 200, 28, 23, 25}[s];
                        publish(store, demoStation(1, PlanFixture.DEMO_STATIONS.get(s)), "temperature",
                                base + 3 * Math.sin(i / 4.0 + s) + (s == 2 ? i * 0.5 : 0), t);
                    }
                }
                vm.pulse(t);
            }
            vm.pulse(now);
            vm.report(Texts.forLocale(locale).get("layout.reload.done",
                    vm.planProperty().get().layout().name(Texts.forLocale(locale).language()),
                    vm.planProperty().get().symbols().size()));
            Parent root = (Parent) FloorPlanView.create(vm);
            Scene scene = new Scene(root, width, height);
            // The theme's variables come from the scene's stylesheets, as in the app's windows.
            theme.stylesheets().forEach(css -> scene.getStylesheets().add(Theme.class.getResource(css).toExternalForm()));
            root.applyCss();
            root.layout();
            return new Shown(root, vm);
        });
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"en", "zh-CN"})
    void aRefusedReloadShowsItsWholeReasonAndTheReloadButtonStaysWhole(String language) throws Exception {
        Locale locale = Locale.forLanguageTag(language);
        String problem = "/etc/lineside/layouts/hall-a.yaml:41:15: areas[0].lines[1].stations[3].symbols[2].kind:"
                + " unknown symbol kind \"valve2\"; expected one of station, value, state, conveyor, buffer, tank,"
                + " pump, valve, label";
        Shown shown = plan(new TagStore(), locale, 1280, 800, T0);
        java.util.List<String> elided = fx(() -> {
            shown.vm().report(Texts.forLocale(locale).get("layout.reload.refused", problem));
            shown.root().applyCss();
            shown.root().layout();
            Screenshots.save(shown.root(), "floorplan-refused-" + language);
            return io.lineside.testsupport.Elision.under(shown.root().lookup(".fp-toolbar"));
        });
        assertEquals(java.util.List.of(), elided, "nothing in the plan's toolbar is cut");
        javafx.scene.control.Label message = (javafx.scene.control.Label) shown.root().lookup(".fp-message");
        assertTrue(message.getText().contains(problem), message.getText());
        assertEquals(message.getText(), message.getTooltip().getText());
        fx(() -> {
            shown.vm().dispose();
            return null;
        });
    }

    @Test
    void demoLineSnapshotsInEnglishAndChinese() throws Exception {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Node root = plan(eventfulLine(), locale, 1400, 360, T0.plusSeconds(1)).root();
            String name = "layout-line-" + (locale == Locale.ENGLISH ? "en" : "zh-CN");
            Path shot = fx(() -> Screenshots.save(root, name));
            assertTrue(shot.toFile().length() > 10_000, "a drawn plan, not an empty image");
        }
        Node hall = plan(eventfulLine(), Locale.ENGLISH, 1400, 960, T0.plusSeconds(1), id -> true, Theme.LIGHT).root();
        assertTrue(fx(() -> Screenshots.save(hall, "layout-hall-en")).toFile().length() > 10_000);
        Node night = plan(eventfulLine(), Locale.ENGLISH, 1400, 360, T0.plusSeconds(1),
                FloorPlanViewModel.line("assembly", "line-1"), Theme.DARK).root();
        assertTrue(fx(() -> Screenshots.save(night, "layout-line-dark")).toFile().length() > 10_000);
    }

    /**
     * What a pulse costs for 500 stations in a shown window: the view-model's drain and node updates (in an
     * AnimationTimer, as the app's Pulse), then the scene's own CSS and layout passes; rendering excluded.
     */
    @Test
    void fiveHundredStationsPulseCheaplyWithTheirNodes() throws Exception {
        TagStore store = new TagStore();
        var big = PlanFixture.generated(5, 100);
        var stations = big.stations().map(st -> st.id()).toList();
        for (var st : stations) {
            publish(store, st, "state", "running", T0);
            publish(store, st, "speed", 30.0, T0);
            publish(store, st, "temperature", 50.0, T0);
        }
        int warmUp = 120;
        int pulses = 240;
        long[] each = new long[pulses];
        long[] started = new long[1];
        int[] count = new int[1];
        CompletableFuture<Integer> done = new CompletableFuture<>();
        FloorPlanViewModel vm = fx(() -> new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run));
        Stage[] stage = new Stage[1];
        AnimationTimer timer = new AnimationTimer() {
            int cursor;

            @Override
            public void handle(long nanos) {
                Instant now = T0.plusMillis(count[0] * 1000L / 60);
                // 500 stations x 2 numeric signals per second = ~17 changed tags per 60 Hz pulse.
                for (int k = 0; k < 17; k++) {
                    var st = stations.get(cursor++ % stations.size());
                    publish(store, st, cursor % 2 == 0 ? "speed" : "temperature", 20.0 + (count[0] + k) % 70, now);
                }
                started[0] = System.nanoTime();
                vm.pulse(now);
            }
        };
        fx(() -> {
            vm.show(big);
            Parent root = (Parent) FloorPlanView.create(vm);
            Scene scene = new Scene(root, 1600, 1000);
            scene.addPostLayoutPulseListener(() -> {
                if (started[0] == 0 || done.isDone()) {
                    return;
                }
                int n = count[0]++;
                if (n >= warmUp && n < warmUp + pulses) {
                    each[n - warmUp] = System.nanoTime() - started[0];
                } else if (n >= warmUp + pulses) {
                    done.complete(FloorPlanView.planOf(root).nodeCount());
                }
                started[0] = 0;
            });
            stage[0] = new Stage();
            stage[0].setScene(scene);
            stage[0].show();
            timer.start();
            return null;
        });
        int nodes = done.get(300, TimeUnit.SECONDS);
        fx(() -> {
            timer.stop();
            stage[0].close();
            vm.dispose();
            return null;
        });
        java.util.Arrays.sort(each);
        double median = each[pulses / 2] / 1000.0;
        System.out.printf(Locale.ROOT, "floor plan pulse in a shown window (drain, node updates, CSS, layout; no rendering),"
                + " 500 stations, 17 changed tags: median %.1f us, p90 %.1f us; %d nodes for %d symbols%n", median,
                each[pulses * 9 / 10] / 1000.0, nodes, big.symbols().count());
        assertTrue(nodes < 12 * (big.symbols().count() + big.connections().size()), "nodes follow the items");
        assertTrue(median < 8_000, "pulse median " + median + " us");
    }

    @Test
    void aDisposedPlanAndItsNodesAreCollectable() throws Exception {
        TagStore store = eventfulLine();
        @SuppressWarnings("unchecked")
        java.lang.ref.WeakReference<Object>[] refs = fx(() -> {
            FloorPlanViewModel vm = new FloorPlanViewModel(store, Texts.forLocale(Locale.ENGLISH), Runnable::run);
            try {
                vm.show(PlanFixture.demo());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            Parent view = (Parent) FloorPlanView.create(vm);
            new Scene(view, 800, 400);
            view.applyCss();
            view.layout();
            vm.pulse(T0);
            vm.dispose();
            return new java.lang.ref.WeakReference[] {new java.lang.ref.WeakReference<>(vm),
                    new java.lang.ref.WeakReference<>(view)};
        });
        assertEquals(0, store.readerCount(), "the store forgot the plan's tracker");
        for (int i = 0; i < 100 && (refs[0].get() != null || refs[1].get() != null); i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, refs[0].get(), "view-model collected");
        assertEquals(null, refs[1].get(), "view collected");
    }

    @Test
    void clickingAStationBodyOpensThatStation() throws Exception {
        var opened = new java.util.concurrent.atomic.AtomicReference<io.lineside.tags.StationId>();
        Shown shown = plan(eventfulLine(), Locale.ENGLISH, 1400, 360, T0.plusSeconds(1));
        fx(() -> {
            shown.vm().setOnOpenStation(opened::set);
            Node body = shown.root().lookupAll(".fp-station").stream().skip(2).findFirst().orElseThrow();
            javafx.event.Event.fireEvent(body, new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED,
                    0, 0, 0, 0, javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, true, false, false,
                    true, false, false, null));
            return null;
        });
        assertEquals(demoStation(1, "weld"), opened.get());
    }

    @Test
    void aPulseRedrawsChangedSymbolsWithoutALayoutPass() throws Exception {
        TagStore store = eventfulLine();
        Shown shown = plan(store, Locale.ENGLISH, 1400, 360, T0.plusSeconds(1));
        Parent root = shown.root();
        FloorPlanView planPane = FloorPlanView.planOf(root);
        int before = fx(planPane::layoutPasses);
        publish(store, demoStation(1, "press"), "state", "running", T0.plusSeconds(2));
        publish(store, demoStation(1, "weld"), "temperature", 199.0, T0.plusSeconds(2));
        publish(store, demoStation(1, "load"), "speed", 31.2, T0.plusSeconds(2));
        SymbolViewModel weld = shown.vm().planProperty().get().symbols().stream()
                .filter(sym -> sym.id().equals("l1-weld-temp")).findFirst().orElseThrow();
        int after = fx(() -> {
            assertTrue(shown.vm().pulse(T0.plusSeconds(2)) >= 5, "press lamp and body, weld bar and trend, load speed");
            root.applyCss();
            root.layout();
            return planPane.layoutPasses();
        });
        assertEquals("199.0 \u00B0C", weld.valueText());
        assertEquals(before, after, "changed texts and shapes stay inside their unmanaged symbol groups");
        int nodes = fx(planPane::nodeCount);
        assertTrue(nodes < 12 * (35 + 13), "about a dozen nodes per item at most, was " + nodes);
    }
}
