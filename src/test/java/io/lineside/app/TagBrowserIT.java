package io.lineside.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.stations.browse.TagBrowser;
import io.lineside.stations.browse.TagEntry;
import io.lineside.telemetry.sparkplug.SparkplugSettings;
import io.lineside.testsupport.Eventually;
import io.lineside.testsupport.Mosquitto;
import io.lineside.testsupport.MosquittoPub;
import io.lineside.testsupport.Screenshots;
import io.lineside.testsupport.TahuEdgeNode;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.tags.TagBrowserView;
import io.lineside.ui.tags.TagBrowserViewModel;
import io.lineside.ui.tags.TagRow;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The tag browser against a real Mosquitto: an outside {@code mosquitto_pub} publishes one mapped and two unmapped
 * JSON topics and a Tahu edge node births its metrics; the browser lists all of them, mapped or not, with their
 * values, and only for an engineer. Review screenshots en + zh-CN at 1280x800 and 1920x1080.
 */
class TagBrowserIT {

    static final String MAPPED = "lineside/acme/bake/line-2/oven/zone1";
    static final String STRAY = "lineside/stray";
    static final String TOO_DEEP = "lineside/a/b/c/d/e/f";

    @TempDir
    Path dir;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void browserShowsMappedAndUnmappedSourcesFromTheBroker() throws Exception {
        AppConfig base = AppConfig.demo();
        AppConfig config = new AppConfig(base.brokerUrl(), base.clientId(), base.username(), base.password(),
                base.topicPrefix(), base.dataDir(), base.staleAfter(), base.language(), List.of(), Optional.empty(),
                base.idleLock(), base.alarmsFile(), Optional.of(SparkplugSettings.defaults(List.of("plant1"), "it-host")));
        try (Mosquitto broker = Mosquitto.start(dir.resolve("broker"));
             Services services = new Services(config, broker.url(), "it-" + System.nanoTime(), dir.resolve("data"),
                     Clock.systemUTC())) {
            Eventually.await("links subscribed", Duration.ofSeconds(10), () -> services.connection().subscribed()
                    && services.sparkplug().orElseThrow().connection().subscribed());
            publish(broker, MAPPED, "21.5");
            publish(broker, STRAY, "{\"v\":1}");
            publish(broker, TOO_DEEP, "7");
            try (TahuEdgeNode edge = new TahuEdgeNode(broker.url(), 3)) {
                edge.birth();
                edge.deviceData(0.8);
                AtomicBoolean engineer = new AtomicBoolean(false);
                TagBrowserViewModel model = new TagBrowserViewModel(new TagBrowser(services.store(),
                        services.stations(), TagBrowsing.sources(services)), engineer::get,
                        Texts.forLocale(Locale.ENGLISH));
                Clock clock = Clock.systemUTC();
                fx(() -> model.pulse(clock.instant()));
                assertTrue(model.rows().isEmpty(), "a viewer or operator sees no tags");
                engineer.set(true);
                Eventually.await("every source listed", Duration.ofSeconds(10), () -> {
                    fx(() -> model.pulse(clock.instant()));
                    Map<String, TagRow> rows = byOrigin(model);
                    TagRow speed = rows.get("plant1/press-cell/press1/Ram/speed");
                    return rows.containsKey(MAPPED) && rows.containsKey(STRAY) && rows.containsKey(TOO_DEEP)
                            && rows.containsKey("plant1/press-cell/Hydraulics/pressure") && speed != null
                            && speed.valueProperty().get().equals("0.8");
                });
                Map<String, TagRow> rows = byOrigin(model);
                assertEquals("oven / zone1 (no config)", rows.get(MAPPED).mappingProperty().get());
                assertEquals("21.5", rows.get(MAPPED).valueProperty().get());
                assertEquals("Good", rows.get(MAPPED).qualityProperty().get());
                assertEquals("not mapped", rows.get(STRAY).mappingProperty().get());
                assertEquals("{\"v\":1}", rows.get(STRAY).valueProperty().get(), "the unknown topic's payload");
                assertEquals("not mapped", rows.get(TOO_DEEP).mappingProperty().get());
                TagRow pressure = rows.get("plant1/press-cell/Hydraulics/pressure");
                assertTrue(pressure.mappingProperty().get().startsWith("Hydraulics / pressure"),
                        pressure.mappingProperty().get());
                assertEquals("Double", pressure.entry().datatype());
                assertEquals("180.0", rows.get("plant1/press-cell/Hydraulics/pressure").valueProperty().get());
                for (String m : List.of("Ram/strokes", "Ram/force", "Ram/position")) {
                    assertTrue(rows.get("plant1/press-cell/press1/" + m).entry().mapped(), m);
                }
                model.mappingProperty().set(TagEntry.Mapping.UNMAPPED);
                fx(() -> model.pulse(clock.instant()));
                assertEquals(List.of(TOO_DEEP, STRAY), model.rows().stream().map(r -> r.originProperty().get())
                        .toList(), "unmapped only, by origin");
                model.mappingProperty().set(TagEntry.Mapping.ALL);
                shots(model, "en", Texts.forLocale(Locale.ENGLISH), clock, MAPPED);
                TagBrowserViewModel chinese = new TagBrowserViewModel(new TagBrowser(services.store(),
                        services.stations(), TagBrowsing.sources(services)), () -> true,
                        Texts.forLocale(Locale.SIMPLIFIED_CHINESE));
                shots(chinese, "zh-CN", Texts.forLocale(Locale.SIMPLIFIED_CHINESE), clock, MAPPED);
                chinese.dispose();
                model.dispose();
            }
        }
    }

    private static Map<String, TagRow> byOrigin(TagBrowserViewModel model) {
        Map<String, TagRow> out = new java.util.HashMap<>();
        model.rows().forEach(r -> out.put(r.originProperty().get(), r));
        return out;
    }

    private static void shots(TagBrowserViewModel model, String language, Texts texts, Clock clock, String select)
            throws Exception {
        fx(() -> {
            model.pulse(clock.instant());
            Parent root = new ViewLoader(texts::bundle, Map.of(TagBrowserView.class,
                    () -> new TagBrowserView(model, texts))).load(TagBrowserView.class);
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(TagBrowserView.class.getResource("/io/lineside/ui/lineside.css").toExternalForm());
            root.applyCss();
            @SuppressWarnings("unchecked")
            TableView<TagRow> table = (TableView<TagRow>) root.lookup(".tag-browser-table");
            table.getItems().stream().filter(r -> r.originProperty().get().equals(select)).findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
            for (int[] size : new int[][] {{1280, 800}, {1920, 1080}}) {
                ((javafx.scene.layout.Region) root).resize(size[0], size[1]);
                ((javafx.scene.layout.Region) root).setPrefSize(size[0], size[1]);
                root.applyCss();
                root.layout();
                Screenshots.save(root, "tag-browser-" + language + "-" + size[0] + "x" + size[1]);
            }
        });
    }

    private static void publish(Mosquitto broker, String topic, String payload) throws Exception {
        try (MosquittoPub pub = MosquittoPub.start(broker.port(), topic, 1)) {
            pub.send(payload);
        }
    }

    static void fx(Runnable r) {
        AtomicReference<Throwable> failed = new AtomicReference<>();
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                try {
                    r.run();
                } catch (Throwable t) {
                    failed.set(t);
                }
            }).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        if (failed.get() != null) {
            throw new AssertionError(failed.get());
        }
    }
}
