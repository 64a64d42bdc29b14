package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.telemetry.mapping.MappingsSection;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.LimitCondition;
import io.lineside.alarms.Priority;
import io.lineside.layout.Layout;
import io.lineside.layout.LayoutLoader;
import io.lineside.stations.StationCatalog;
import io.lineside.stations.StationDescription;
import io.lineside.tags.Quality;
import io.lineside.tags.StationId;
import io.lineside.tags.TagValue;
import io.lineside.telemetry.mapping.TopicMappings;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.OvenEdgeNode;
import io.lineside.testsupport.Screenshots;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.layout.FloorPlanView;
import io.lineside.ui.layout.FloorPlanViewModel;
import io.lineside.ui.layout.SymbolViewModel;
import io.lineside.ui.station.GaugeViewModel;
import io.lineside.ui.station.StationHistory;
import io.lineside.ui.station.StationView;
import io.lineside.ui.station.StationViewModel;
import io.lineside.ui.theme.Theme;
import io.lineside.ui.workshop.WorkshopView;
import io.lineside.ui.workshop.WorkshopViewModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.collections.FXCollections;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/**
 * A plant that is not the demo: an oven whose Sparkplug DBIRTH (published by a Tahu edge node against a real
 * Mosquitto) declares its zones' and chamber's units and ranges, a station config (test resource
 * stations/oven-plant.yaml) that labels them and names its door state and tray counter, a belt only its birth
 * describes (a unit, no range), and alarm limits on zone 1 and the chamber. The faceplate, the floor plan (test
 * resource stations/oven-layout.yaml) and the station tiles show all its signals with their units, decimals and the
 * alarm definitions' limits (the same ticks on faceplate and plan); screenshots in en and zh-CN at 1280x800 and
 * 1920x1080 go to target/screenshots/oven-*.png.
 */
class OvenPlantIT {

    private static final StationId OVEN = new StationId("bakery", "ovens", "line-a", "oven-1");
    private static final Executor SAME_THREAD = Runnable::run;

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static AlarmDefinition limit(String signal, LimitCondition.Level level, double at) {
        return new AlarmDefinition(signal + "-" + level, OVEN.signal(signal), OVEN, Priority.HIGH,
                new LimitCondition(level, at, 1), Duration.ZERO, Duration.ZERO, false, Duration.ZERO,
                Duration.ofHours(8), Map.of("en", signal + " " + level), Optional.empty(), Optional.empty());
    }

    @Test
    void anOvenDescribedByItsBirthAndItsConfigShowsEverySignalWithUnitsRangesAndLimits() throws Exception {
        Path configFile = Path.of("src/test/resources/io/lineside/stations/oven-plant.yaml");
        TopicMappings mappings = new MappingsSection()
                .read(io.lineside.config.ConfigTree.read("config", configFile), "lineside");
        AppConfig base = AppConfig.demo();
        AppConfig config = new AppConfig(base.brokerUrl(), base.clientId(), base.username(), base.password(),
                base.topicPrefix(), base.dataDir(), base.staleAfter(), base.language(), List.of(), Optional.empty(),
                base.idleLock(), base.alarmsFile(), Optional.of(SparkplugSettings.defaults(List.of("bakery"), "it-host")),
                mappings);
        List<AlarmDefinition> alarms = List.of(limit("zone1", LimitCondition.Level.H, 250),
                limit("zone1", LimitCondition.Level.HH, 280), limit("chamber", LimitCondition.Level.H, 150));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            Eventually.await("Sparkplug link subscribed", Duration.ofSeconds(10),
                    () -> services.sparkplug().orElseThrow().connection().subscribed());
            StationCatalog catalog = new StationCatalog(StationSignals.from(mappings), alarms, services.store());
            Map<String, WorkshopViewModel> workshops = Map.of( // before the birth: tiles come from changed tags
                    "en", new WorkshopViewModel(services.store(), catalog, Texts.forLocale(Locale.ENGLISH)),
                    "zh-CN", new WorkshopViewModel(services.store(), catalog, Texts.forLocale(Locale.SIMPLIFIED_CHINESE)));
            try (OvenEdgeNode edge = new OvenEdgeNode(broker.url())) {
                edge.birth(231.5, 244.25, 198.0, 101.3, 1.25, "closed", 412);
                Eventually.await("the oven's trays in the store", Duration.ofSeconds(10), () -> {
                    TagValue v = services.store().get(OVEN.signal("trays"));
                    return v != null && v.quality() == Quality.GOOD;
                });
            }
            StationDescription oven = catalog.describe(OVEN);
            assertEquals(List.of("zone1", "zone2", "zone3", "chamber", "door", "trays", "belt", "state"),
                    oven.signals().stream().map(s -> s.name()).toList(), "configured first, then what the birth declared");
            assertEquals("kPa", oven.signal("chamber").orElseThrow().unit(), "EngUnit from the birth");
            assertEquals(200, oven.signal("chamber").orElseThrow().high(), "EngHigh from the birth");
            assertEquals("炉膛压力", oven.signal("chamber").orElseThrow().label(Locale.SIMPLIFIED_CHINESE),
                    "the config's label");
            assertEquals("Belt speed", oven.signal("belt").orElseThrow().label(Locale.ENGLISH), "Description from the birth");
            assertEquals("m/min", oven.signal("belt").orElseThrow().unit());
            assertFalse(oven.signal("belt").orElseThrow().hasRange(), "the birth gave no EngLow/EngHigh");
            Layout layout = new LayoutLoader().load(Path.of("src/test/resources/io/lineside/stations/oven-layout.yaml"));
            for (String language : List.of("en", "zh-CN")) {
                for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                    shoot(services, catalog, layout, workshops.get(language), language, size[0], size[1]);
                }
            }
        }
    }

    private void shoot(Services services, StationCatalog catalog, Layout layout, WorkshopViewModel workshop,
                       String language, int width, int height)
            throws Exception {
        Texts texts = Texts.forLocale(Locale.forLanguageTag(language));
        Instant now = Instant.now();
        StationViewModel model = new StationViewModel(OVEN, services.store(), catalog,
                FXCollections.observableArrayList(), StationHistory.of(services.query()), SAME_THREAD, SAME_THREAD, texts);
        Map<Class<?>, Supplier<?>> controllers = Map.of(StationView.class,
                () -> new StationView(model, Clock.systemUTC()));
        String suffix = language + "-" + width + "x" + height;
        Path face = FxToolkit.setupFixture(() -> {
            Parent root = new ViewLoader(texts.bundle(), controllers).load(StationView.class);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().addAll(Theme.LIGHT.stylesheetUrls());
            model.pulse(now);
            root.applyCss();
            root.layout();
            return Screenshots.save(root, "oven-faceplate-" + suffix);
        });
        boolean zh = language.equals("zh-CN");
        List<String> shown = model.gauges().stream().map(GaugeViewModel::signal).toList();
        assertEquals(List.of("zone1", "zone2", "zone3", "chamber", "door", "belt"), shown,
                "every value; state and trays apart");
        GaugeViewModel zone1 = model.gauges().getFirst();
        assertTrue(zone1.bar());
        assertEquals(zh ? "\u4E00\u533A\u6E29\u5EA6" : "Zone 1", zone1.label());
        assertEquals("232", zone1.valueTextProperty().get(), "its own decimals (0)");
        assertEquals("\u00B0C", zone1.unit());
        assertEquals(List.of(250.0, 280.0), zone1.limitMarks(), "H and HH from the alarm definitions");
        assertEquals(250 / 300.0, zone1.scaleProperty().get().high(), 1e-9, "on the config's range 0-300");
        assertEquals(280 / 300.0, zone1.scaleProperty().get().highHigh(), 1e-9);
        GaugeViewModel chamber = model.gauges().get(3);
        assertTrue(chamber.bar());
        assertEquals("101.3", chamber.valueTextProperty().get());
        assertEquals("kPa", chamber.unit());
        assertEquals(150 / 200.0, chamber.scaleProperty().get().high(), 1e-9, "the birth's range 0-200, the alarm's H");
        assertEquals("closed", model.gauges().get(4).valueTextProperty().get());
        GaugeViewModel belt = model.gauges().get(5);
        assertFalse(belt.bar(), "no range, no limits: a plain value");
        assertEquals("1.3", belt.valueTextProperty().get());
        assertEquals("m/min", belt.unit());
        assertTrue(model.countTextProperty().get().endsWith("412"), model.countTextProperty().get());
        Map<String, List<Double>> faceplateTicks = new java.util.HashMap<>();
        model.gauges().forEach(g -> faceplateTicks.put(g.signal(), g.limitMarks()));
        model.dispose();
        assertTrue(face.toFile().length() > 10_000);

        FloorPlanViewModel floor = new FloorPlanViewModel(services.store(), texts, SAME_THREAD);
        floor.setStationModel(catalog::describe);
        Path planShot = FxToolkit.setupFixture(() -> {
            floor.show(layout);
            floor.pulse(now);
            Parent root = (Parent) FloorPlanView.create(floor);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().addAll(Theme.LIGHT.stylesheetUrls());
            root.applyCss();
            root.layout();
            return Screenshots.save(root, "oven-floorplan-" + suffix);
        });
        Map<String, SymbolViewModel> symbols = new java.util.HashMap<>();
        floor.planProperty().get().symbols().forEach(s -> symbols.put(s.id(), s));
        assertEquals(zh ? "\u4E00\u533A\u6E29\u5EA6" : "Zone 1", symbols.get("oven-1-z1").label(),
                "the model's label where the layout has none");
        assertEquals("232 \u00B0C", symbols.get("oven-1-z1").valueText());
        assertEquals(faceplateTicks.get("zone1"), symbols.get("oven-1-z1").limitMarks(),
                "the faceplate's ticks, not the layout's own high: 270");
        assertEquals(faceplateTicks.get("chamber"), symbols.get("oven-1-chamber").limitMarks());
        assertEquals(List.of(), symbols.get("oven-1-z2").limitMarks());
        assertEquals("101.3 kPa", symbols.get("oven-1-chamber").valueText(), "the birth's unit");
        assertEquals("244 \u00B0C", symbols.get("oven-1-z2").valueText(), "the config's decimals, the birth's unit");
        assertEquals("1.3 m/min", symbols.get("oven-1-belt").valueText());
        assertEquals("412", symbols.get("oven-1-trays").valueText(), "a counter, whole");
        assertEquals("closed", symbols.get("oven-1-door").valueText());
        floor.dispose();
        assertTrue(planShot.toFile().length() > 10_000);

        Map<Class<?>, Supplier<?>> tiles = Map.of(WorkshopView.class, () -> new WorkshopView(workshop, texts));
        Path plan = FxToolkit.setupFixture(() -> {
            Parent root = new ViewLoader(texts.bundle(), tiles).load(WorkshopView.class);
            Scene scene = new Scene(root, width, height);
            scene.getStylesheets().addAll(Theme.LIGHT.stylesheetUrls());
            workshop.pulse(now);
            root.applyCss();
            root.layout();
            return Screenshots.save(root, "oven-tiles-" + suffix);
        });
        var tile = workshop.tile(OVEN);
        assertEquals(language.equals("en") ? "Zone 1" : "\u4E00\u533A\u6E29\u5EA6", tile.firstLabelProperty().get(),
                "the trended zone first (no SPEED role)");
        assertEquals("232", tile.firstTextProperty().get());
        assertEquals("\u00B0C", tile.firstUnitProperty().get());
        assertEquals("kPa", tile.secondUnitProperty().get(), "then the next trended value, with the birth's unit");
        assertEquals("412", tile.countTextProperty().get());
        assertTrue(plan.toFile().length() > 5_000);
    }
}
