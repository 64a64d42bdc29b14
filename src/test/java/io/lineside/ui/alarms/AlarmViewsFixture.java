package io.lineside.ui.alarms;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.DiscreteCondition;
import io.lineside.alarms.Guidance;
import io.lineside.alarms.Priority;
import io.lineside.tags.TagPath;
import io.lineside.testsupport.Elision;
import io.lineside.ui.Texts;
import io.lineside.ui.ViewLoader;
import io.lineside.ui.theme.Theme;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The alarm banner above the alarm summary, as in the main window, filled with the worst case an operator meets in
 * a flood: every indicator on, the longest state words, restored and uncertain alarms, a shelved one. FX thread only.
 */
final class AlarmViewsFixture {

    static final Instant T0 = Snapshots.T0;

    final Parent root;
    final Scene scene;
    final AlarmBannerViewModel banner;
    final AlarmSummaryViewModel summary;
    private final AlarmHorn horn = new AlarmHorn();
    AlarmSummaryView summaryView;

    AlarmViewsFixture(Locale locale, double width, double height, boolean touch, Theme theme) {
        Texts texts = Texts.forLocale(locale);
        List<ActiveAlarm> alarms = new ArrayList<>();
        List<AlarmDefinition> definitions = new ArrayList<>();
        String[][] words = {
            {"Weld tip temperature high, coolant flow low", "\u710A\u5934\u6E29\u5EA6\u9AD8\uFF0C\u51B7\u5374\u6C34\u6D41\u91CF\u4F4E"},
            {"Press hydraulic pressure low", "\u538B\u673A\u6DB2\u538B\u538B\u529B\u4F4E"},
            {"Paint booth humidity out of range", "\u55B7\u6F06\u5BA4\u6E7F\u5EA6\u8D85\u9650"},
            {"Conveyor motor overload", "\u8F93\u9001\u7535\u673A\u8FC7\u8F7D"},
        };
        AlarmState[] states = {AlarmState.UNACK, AlarmState.RTN_UNACK, AlarmState.ACKED, AlarmState.LATCHED};
        String[] stations = {"line-1/weld", "line-1/press", "line-2/paint", "line-3/pack"};
        for (int i = 0; i < 24; i++) {
            Priority p = Priority.values()[i % 4];
            String id = stations[i % 4].replace("line-", "L").replace('/', '-').toUpperCase(Locale.ROOT) + "-" + i;
            TagPath tag = TagPath.parse("demo/assembly/" + stations[i % 4] + "/temperature");
            AlarmDefinition d = new AlarmDefinition(id, tag, tag.stationId(), p, new DiscreteCondition("fault", null),
                    Duration.ZERO, Duration.ZERO, false, Duration.ZERO, Duration.ofHours(8),
                    Map.of("en", words[i % 4][0], "zh-CN", words[i % 4][1]),
                    Optional.of(new Guidance("Coolant valve closed or hose kinked", "Weld tip burns out, line stops",
                            "Check the coolant valve at the weld cell and open it; call maintenance if flow stays low",
                            Duration.ofMinutes(5))), Optional.empty());
            definitions.add(d);
            alarms.add(new ActiveAlarm(id, states[(i / 4) % 4], p, "demo/assembly/" + stations[i % 4],
                    tag.toString(), String.format(Locale.ROOT, "%.1f \u00B0C", 231.4 + i), T0.plusSeconds(30L * i),
                    i % 5 == 0 ? 7 : 1, i % 3 == 1, d, String.format(Locale.ROOT, "%.1f \u00B0C", 220.0 + i),
                    i % 4 == 1));
        }
        AlarmSnapshot base = Snapshots.of(true, 8, alarms.toArray(ActiveAlarm[]::new));
        AlarmSnapshot snapshot = new AlarmSnapshot(base.time(), base.alarms(), base.unacked(), base.active(), true,
                base.groups(), 8, 12, 3, 2);
        AlarmDefinition shelvedDef = definitions.get(3);
        List<AlarmEvent> shelved = List.of(new AlarmEvent(T0.plusSeconds(60), "SHELVED-1", AlarmTrigger.SHELVE,
                AlarmState.UNACK, AlarmState.SHELVED, Priority.LOW, "assembly", "demo/assembly/line-3/pack",
                shelvedDef.tag().toString(), "fault", "olga", "sensor being replaced (until 2026-11-26T09:01:00Z)",
                "x"));
        definitions.add(new AlarmDefinition("SHELVED-1", shelvedDef.tag(), shelvedDef.station(), Priority.LOW,
                shelvedDef.condition(), Duration.ZERO, Duration.ZERO, false, Duration.ZERO, Duration.ofHours(8),
                shelvedDef.messages(), shelvedDef.guidance(), Optional.empty()));
        banner = new AlarmBannerViewModel(() -> snapshot, horn, texts, java.time.ZoneId.of("Asia/Shanghai"));
        summary = new AlarmSummaryViewModel(() -> snapshot, definitions, () -> shelved, new IdleAlarmActions(), texts,
                java.time.ZoneId.of("Asia/Shanghai"), Runnable::run);
        ViewLoader loader = new ViewLoader(texts.bundle(), Map.of(
                AlarmBannerView.class, () -> new AlarmBannerView(banner),
                AlarmSummaryView.class, () -> summaryView = new AlarmSummaryView(summary, texts)));
        Parent bannerNode = loader.load(AlarmBannerView.class);
        Parent summaryNode = loader.load(AlarmSummaryView.class);
        VBox box = new VBox(bannerNode, summaryNode);
        VBox.setVgrow(summaryNode, javafx.scene.layout.Priority.ALWAYS);
        root = box;
        if (touch) {
            root.getStyleClass().add("touch");
        }
        scene = new Scene(root, width, height);
        theme.stylesheets().forEach(css -> scene.getStylesheets().add(Theme.class.getResource(css).toExternalForm()));
        summary.showShelvedProperty().set(true);
        summary.groupedProperty().set(false);
        banner.pulse(T0.plusSeconds(700));
        summary.pulse(T0.plusSeconds(700));
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        root.applyCss();
        root.layout();
        summaryView.select(List.of(alarms.get(1).id()));
        for (int i = 0; i < 3; i++) {
            root.applyCss();
            root.layout();
        }
    }

    void close() {
        ((Stage) scene.getWindow()).close();
        horn.close();
    }

    /**
     * What an operator needs but cannot read: every shown {@link Labeled} of the banner, the summary's toolbar, the
     * table's column headers and its State column whose rendered text is not its whole text (elided), or that lies
     * outside the window.
     */
    List<String> elided() {
        List<String> out = new ArrayList<>();
        for (Node n : root.lookupAll(".alarm-banner")) {
            out.addAll(Elision.under(n));
        }
        for (Node n : root.lookupAll(".summary-toolbar")) {
            out.addAll(Elision.under(n));
        }
        for (Node n : root.lookupAll(".column-header")) {
            if (n.lookup(".label") instanceof Labeled header && !header.getText().isEmpty()
                    && !Elision.shownText(header).equals(header.getText())) {
                out.add("elided header: \"" + Elision.shownText(header) + "\" of \"" + header.getText() + "\"");
            } // a column scrolled off to the right is not elided: the table scrolls
        }
        for (Node n : root.lookupAll(".table-cell")) {
            if (n instanceof TableCell<?, ?> c && c.getTableColumn() != null
                    && "stateColumn".equals(c.getTableColumn().getId())) {
                Elision.check(c, out);
            }
        }
        return out;
    }

}
