package io.lineside.ui.alarms;

import static io.lineside.ui.alarms.Snapshots.T0;
import static io.lineside.ui.alarms.Snapshots.alarm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmActions;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.Priority;
import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The summary's sort, filters, flood grouping and command rules, without the toolkit. */
class AlarmSummaryViewModelTest {

    private final ActiveAlarm pressHigh = alarm("PRESS-H", "line-1/press", Priority.HIGH, AlarmState.UNACK, 10);
    private final ActiveAlarm pressLow = alarm("PRESS-L", "line-1/press", Priority.LOW, AlarmState.UNACK, 5);
    private final ActiveAlarm weldHigh = alarm("WELD-H", "line-2/weld", Priority.HIGH, AlarmState.ACKED, 40);
    private final ActiveAlarm weldMedium = alarm("WELD-M", "line-2/weld", Priority.MEDIUM, AlarmState.UNACK, 60);
    private final AtomicReference<AlarmSnapshot> snapshot = new AtomicReference<>(
            Snapshots.of(true, 0, pressHigh, pressLow, weldHigh, weldMedium));
    private final Sent sent = new Sent();
    private final List<AlarmEvent> shelved = new ArrayList<>();
    private final AlarmDefinition paintLow = Snapshots.definition("PAINT-L", "line-2/paint", Priority.LOW,
            Duration.ofHours(8));
    private final AlarmSummaryViewModel model = new AlarmSummaryViewModel(snapshot::get,
            List.of(pressHigh.definition(), pressLow.definition(), weldHigh.definition(), weldMedium.definition(),
                    paintLow), () -> List.copyOf(shelved), sent, Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC,
            Runnable::run);

    private List<String> ids() {
        return model.rows().stream().map(AlarmRow::id).toList();
    }

    @Test
    void theTimeColumnSaysWhichZoneItsTimesAreIn() {
        assertEquals("Time\nUTC", model.timeHeader());
        AlarmSummaryViewModel shanghai = new AlarmSummaryViewModel(snapshot::get, List.of(), List::of, sent,
                Texts.forLocale(Locale.SIMPLIFIED_CHINESE), java.time.ZoneId.of("Asia/Shanghai"), Runnable::run);
        assertEquals("\u65F6\u95F4\nAsia/Shanghai", shanghai.timeHeader());
    }

    @Test
    void rowsAreSortedByPriorityThenNewestFirst() {
        model.pulse(T0);
        assertEquals(List.of("WELD-H", "PRESS-H", "WELD-M", "PRESS-L"), ids());
        AlarmRow first = model.rows().getFirst();
        assertEquals("\u25B2 High", first.priority(), "shape and word, not colour alone");
        assertEquals("08:00:40", first.time());
        assertEquals("line-2 / weld", first.station());
        assertEquals("\u25CF Acknowledged", first.state());
    }

    @Test
    void scopeAndTextFilterTheRows() {
        assertEquals(List.of("All areas", "assembly", "assembly/line-1", "assembly/line-1/press", "assembly/line-2",
                "assembly/line-2/paint", "assembly/line-2/weld"), model.scopes());
        model.scopeProperty().set("assembly/line-2");
        model.pulse(T0);
        assertEquals(List.of("WELD-H", "WELD-M"), ids());
        model.scopeProperty().set("All areas");
        model.searchProperty().set("press-l");
        model.pulse(T0);
        assertEquals(List.of("PRESS-L"), ids());
    }

    @Test
    void floodGroupingShowsOneRowPerStationWithTheFirstOutMarked() {
        model.groupedProperty().set(true);
        model.pulse(T0);
        assertEquals(List.of("PRESS-L", "WELD-H"), ids(), "the earliest alarm of each station is its first-out");
        assertEquals("\u25B6 First-out, +1 more", model.rows().getFirst().group());
    }

    @Test
    void anUnchangedRepublishKeepsTheSameRowObjects() {
        model.pulse(T0);
        AlarmRow before = model.rows().getFirst();
        snapshot.set(Snapshots.of(true, 0, pressHigh, pressLow, weldHigh, weldMedium)); // the engine's 1 s tick
        model.pulse(T0.plusSeconds(1));
        assertSame(before, model.rows().getFirst(), "the table keeps its selection");
    }

    @Test
    void acknowledgingAHighAlarmNeedsANoteAndNothingIsSentWithoutOne() {
        model.pulse(T0);
        model.requestAcknowledge(List.of(model.rows().get(1), model.rows().get(2))); // PRESS-H, WELD-M
        AlarmCommandPanel panel = model.panel();
        assertEquals(AlarmCommandPanel.Mode.ACKNOWLEDGE, panel.modeProperty().get());
        assertEquals("Acknowledge 2 alarm(s)", panel.titleProperty().get());
        assertEquals("A note is required for High and Critical alarms.", panel.hintProperty().get());
        panel.confirm(List.of("PRESS-H", "WELD-M"));
        assertEquals("Write a note: PRESS-H is High or Critical.", panel.messageProperty().get());
        assertTrue(panel.errorProperty().get());
        assertTrue(sent.calls.isEmpty());

        panel.noteProperty().set("checked at the press");
        panel.confirm(List.of("WELD-M", "PRESS-H"));
        assertEquals(List.of("ack [PRESS-H, WELD-M] checked at the press"), sent.calls);
        assertEquals("Acknowledged 2 alarm(s).", panel.messageProperty().get());
        assertEquals(AlarmCommandPanel.Mode.NONE, panel.modeProperty().get());
    }

    @Test
    void acknowledgeShownSkipsAlarmsAlreadyAcknowledged() {
        model.scopeProperty().set("assembly/line-2");
        model.pulse(T0);
        model.requestAcknowledgeShown();
        assertEquals("Acknowledge 1 alarm(s)", model.panel().titleProperty().get());
        assertEquals("A note is optional for Medium and Low alarms.", model.panel().hintProperty().get());
        model.confirm(List.of());
        assertEquals(List.of("ack [WELD-M] "), sent.calls);
    }

    @Test
    void aRefusalIsShownInlineAndThePanelStaysOpen() {
        sent.refuse = "'vera' is VIEWER: ACKNOWLEDGE_ALARM needs OPERATOR or higher.";
        model.pulse(T0);
        model.requestAcknowledge(List.of(model.rows().get(3))); // PRESS-L, Low
        model.confirm(List.of("PRESS-L"));
        assertEquals("Not done: 'vera' is VIEWER: ACKNOWLEDGE_ALARM needs OPERATOR or higher.",
                model.panel().messageProperty().get());
        assertTrue(model.panel().errorProperty().get());
        assertEquals(AlarmCommandPanel.Mode.ACKNOWLEDGE, model.panel().modeProperty().get());
    }

    @Test
    void shelveOffersDurationsUpToTheDefinitionsMaximumAndNeedsAReason() {
        ActiveAlarm shortShelve = new ActiveAlarm("PRESS-H", AlarmState.UNACK, Priority.HIGH, pressHigh.station(),
                pressHigh.tag(), "fault", pressHigh.since(), 1, false,
                Snapshots.definition("PRESS-H", "line-1/press", Priority.HIGH, Duration.ofMinutes(45)));
        AlarmCommandPanel panel = model.panel();
        panel.requestShelve(shortShelve);
        assertEquals(List.of(Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofMinutes(45)), panel.durations());
        assertEquals("Shelve PRESS-H for at most 45 min", panel.titleProperty().get());
        assertEquals(io.lineside.alarms.ShelveReasons.DEFAULT.reasons(), panel.reasons());
        assertEquals("Maintenance", panel.reasonProperty().get(), "the first reason is chosen");
        assertEquals("Nuisance / chattering", panel.reasonText(panel.reasons().get(1)));
        panel.reasonProperty().set("Other (note required)");
        panel.confirm(List.of("PRESS-H"));
        assertEquals("Not shelved: the reason Other needs a note.", panel.messageProperty().get());
        assertEquals(List.of(), sent.calls);
        panel.reasonProperty().set("Instrument fault");
        panel.durationProperty().set(Duration.ofMinutes(30));
        panel.noteProperty().set("sensor swap");
        panel.confirm(List.of("PRESS-H"));
        assertEquals(List.of("shelve PRESS-H PT30M Instrument fault: sensor swap"), sent.calls);
        assertEquals("Shelved PRESS-H.", panel.messageProperty().get());

        panel.requestShelve(shortShelve);
        assertFalse(panel.oneShotProperty().get(), "each shelve starts as a timed one");
        panel.oneShotProperty().set(true);
        panel.noteProperty().set("known drift, recalibrate");
        panel.confirm(List.of("PRESS-H"));
        assertEquals("shelve PRESS-H PT15M once Maintenance: known drift, recalibrate", sent.calls.getLast());
    }

    @Test
    void shelveOffersTheAlarmConfigsReasonsAsWrittenAndItsLastNeedsANote() {
        AlarmSummaryViewModel configured = new AlarmSummaryViewModel(snapshot::get, List.of(pressHigh.definition()),
                List::of, sent, new io.lineside.alarms.ShelveReasons(List.of("Changeover", "Other reason")),
                Texts.forLocale(Locale.ENGLISH), ZoneOffset.UTC, Runnable::run);
        AlarmCommandPanel panel = configured.panel();
        panel.requestShelve(pressHigh);
        assertEquals(List.of("Changeover", "Other reason"), panel.reasons());
        assertEquals("Changeover", panel.reasonText("Changeover"), "a configured reason reads as written");
        panel.reasonProperty().set("Other reason");
        panel.durationProperty().set(Duration.ofMinutes(15));
        panel.confirm(List.of(pressHigh.id()));
        assertEquals("Not shelved: the reason \"Other reason\" needs a note.", panel.messageProperty().get());
        assertEquals(List.of(), sent.calls);
        panel.noteProperty().set("fixture trial");
        panel.confirm(List.of(pressHigh.id()));
        assertEquals(List.of("shelve PRESS-H PT15M Other reason: fixture trial"), sent.calls);
    }

    @Test
    void aCommentNamesItsAlarmNeedsTextAndIsSentForAnAcknowledgedAlarmToo() {
        model.pulse(T0);
        AlarmRow acked = model.rows().getFirst(); // WELD-H, acknowledged
        assertEquals(AlarmState.ACKED, acked.alarm().state());
        List<String> heard = new java.util.ArrayList<>();
        AlarmCommandPanel panel = model.panel();
        panel.setOnCommented(heard::add);
        panel.requestComment(acked.alarm());
        assertEquals(AlarmCommandPanel.Mode.COMMENT, panel.modeProperty().get());
        assertEquals("Comment on WELD-H", panel.titleProperty().get());
        assertTrue(panel.targetsTextProperty().get().contains("line-2 / weld"), panel.targetsTextProperty().get());
        assertEquals(List.of("WELD-H"), panel.targetIds());
        panel.confirm(List.of("WELD-H"));
        assertEquals("Not added: type the comment first.", panel.messageProperty().get());
        assertEquals(List.of(), sent.calls);
        panel.noteProperty().set("tip changed");
        panel.confirm(List.of("PRESS-H"));
        assertTrue(panel.messageProperty().get().contains("WELD-H"), "a changed selection is refused");
        assertEquals(List.of(), sent.calls);
        panel.confirm(List.of("WELD-H"));
        assertEquals(List.of("comment WELD-H tip changed"), sent.calls);
        assertEquals("Comment added to WELD-H.", panel.messageProperty().get());
        assertEquals(AlarmCommandPanel.Mode.NONE, panel.modeProperty().get());
        assertEquals(List.of("WELD-H"), heard, "its history is read again");
    }

    @Test
    void theSelectedAlarmsHistoryIsReadOffTheFxThreadOnlyWhenItsStateChangesOrItGetsAComment() {
        List<String> reads = new ArrayList<>();
        List<Runnable> background = new ArrayList<>();
        List<AlarmEvent> journal = new ArrayList<>();
        journal.add(new AlarmEvent(T0.plusSeconds(40), "WELD-H", AlarmTrigger.ACTIVATE, AlarmState.NORMAL,
                AlarmState.UNACK, Priority.HIGH, "assembly", "demo/assembly/line-2/weld", "t", "fault", "system", "",
                "m"));
        journal.add(new AlarmEvent(T0.plusSeconds(50), "WELD-H", AlarmTrigger.ACK, AlarmState.UNACK,
                AlarmState.ACKED, Priority.HIGH, "assembly", "demo/assembly/line-2/weld", "t", "fault", "olga", "",
                "m"));
        model.setHistorySource(id -> {
            reads.add(id);
            return io.lineside.alarms.AlarmHistory.of(id, journal, T0.plusSeconds(60), Duration.ofHours(8));
        }, background::add);
        model.pulse(T0);
        AlarmRow weld = model.rows().getFirst();
        model.showHistory(weld);
        assertEquals("Reading this alarm's history\u2026", model.historyProperty().get());
        assertEquals(List.of(), reads, "not on the FX thread");
        background.removeFirst().run();
        assertEquals(List.of("WELD-H"), reads);
        assertEquals("Last 8 h: annunciated 1\u00D7, 1\u00D7 in the last 10 min\n"
                + "Last occurrences: 08:00:40 raised, still active, acknowledged 08:00:50 by olga",
                model.historyProperty().get());

        snapshot.set(Snapshots.of(true, 0, pressHigh, pressLow, weldHigh, weldMedium)); // a value tick, same states
        model.pulse(T0.plusSeconds(1));
        assertEquals(List.of(), background, "no journal read per pulse");

        journal.add(new AlarmEvent(T0.plusSeconds(55), "WELD-H", AlarmTrigger.COMMENT, AlarmState.ACKED,
                AlarmState.ACKED, Priority.HIGH, "assembly", "demo/assembly/line-2/weld", "t", "fault", "olga",
                "tip changed", "m"));
        model.panel().requestComment(weld.alarm());
        model.panel().noteProperty().set("tip changed");
        model.confirm(List.of("WELD-H"));
        background.removeFirst().run();
        assertTrue(model.historyProperty().get().endsWith("\nComment 08:00:55 by olga: tip changed"),
                model.historyProperty().get());

        ActiveAlarm again = alarm("WELD-H", "line-2/weld", Priority.HIGH, AlarmState.UNACK, 70);
        snapshot.set(Snapshots.of(true, 0, pressHigh, pressLow, again, weldMedium));
        model.pulse(T0.plusSeconds(70));
        assertEquals(1, background.size(), "its state changed: read again");
        model.showHistory(null);
        background.removeFirst().run();
        assertEquals("", model.historyProperty().get(), "an answer for a selection gone away is dropped");
    }

    @Test
    void shelvedAlarmsAreListedOnRequestWithWhoAndWhyAndCanBeUnshelved() {
        shelved.add(new AlarmEvent(T0.plusSeconds(70), "PAINT-L", AlarmTrigger.SHELVE, AlarmState.UNACK,
                AlarmState.SHELVED, Priority.LOW, "assembly", "demo/assembly/line-2/paint",
                "demo/assembly/line-2/paint/state", "fault", "sam", "sensor swap (until 2026-11-26T08:31:10Z)",
                "PAINT-L fault"));
        model.pulse(T0);
        assertEquals(List.of("WELD-H", "PRESS-H", "WELD-M", "PRESS-L"), ids(), "hidden unless asked for");
        model.showShelvedProperty().set(true);
        model.pulse(T0);
        AlarmRow row = model.rows().getLast();
        assertEquals("PAINT-L", row.id());
        assertEquals("\u25A1 Shelved", row.state());
        assertEquals("sam \u00B7 sensor swap \u00B7 until 08:31", row.shelve());

        // A condition change while shelved never replaces the SHELVE event in the service's list (AlarmRestoreTest).
        model.pulse(T0);
        assertSame(row, model.rows().getLast());

        model.panel().unshelve(model.rows().getFirst().alarm());
        assertEquals("Select a shelved alarm (tick \"Show shelved\").", model.panel().messageProperty().get());
        model.panel().unshelve(row.alarm());
        assertEquals(List.of("unshelve PAINT-L "), sent.calls);
        assertEquals("Unshelved PAINT-L.", model.panel().messageProperty().get());
    }

    @Test
    void aNewSnapshotUpdatesTheSameRowObjectsAndOnlyAddsOrRemovesWhatCameOrWent() {
        model.pulse(T0);
        List<AlarmRow> before = List.copyOf(model.rows());
        List<String> changes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<AlarmRow>) c -> {
            while (c.next()) {
                if (c.wasReplaced() || c.wasRemoved()) {
                    c.getRemoved().forEach(r -> changes.add("removed " + r.id()));
                }
                if (c.wasAdded()) {
                    c.getAddedSubList().forEach(r -> changes.add("added " + r.id()));
                }
            }
        });
        ActiveAlarm pressHighHotter = new ActiveAlarm("PRESS-H", AlarmState.RTN_UNACK, Priority.HIGH,
                pressHigh.station(), pressHigh.tag(), "ok", pressHigh.since(), 3, true, pressHigh.definition(),
                "fault", false);
        ActiveAlarm paint = new ActiveAlarm("PAINT-L", AlarmState.UNACK, Priority.LOW, "demo/assembly/line-2/paint",
                "demo/assembly/line-2/paint/state", "fault", T0.plusSeconds(80), 1, false, paintLow, "fault", true);
        snapshot.set(Snapshots.of(true, 0, pressHighHotter, weldHigh, weldMedium, paint));
        model.pulse(T0.plusSeconds(1));
        assertEquals(List.of("removed PRESS-L", "added PAINT-L"), changes, "kept rows are never replaced");
        assertSame(before.get(1), model.rows().get(1));
        AlarmRow press = model.rows().get(1);
        assertEquals("PRESS-H", press.id());
        assertEquals("ok", press.value(), "the current value");
        assertEquals("fault", press.trip(), "beside the trip value");
        assertEquals("\u25CC Returned, unacknowledged (input not good: held)", press.state(),
                "a returned alarm has its own shape");
        assertEquals("PRESS-H fault \u00D73", press.message());
        assertEquals("\u25C9 Unacknowledged \u00B7 restored", model.rows().getLast().state());
        assertEquals("PRESS-H: trip value fault, now ok, annunciated 3\u00D7 in the flood window\n"
                + "No guidance configured for this alarm.", model.detail(press));
    }

    @Test
    void thePanelNamesWhatItActsOnAndRefusesWhenTheSelectionChangedUnderneath() {
        model.pulse(T0);
        model.requestAcknowledge(List.of(model.rows().get(3))); // PRESS-L
        AlarmCommandPanel panel = model.panel();
        assertEquals("line-1 / press \u00B7 PRESS-L fault \u00B7 \u25CF Low \u00B7 08:00:05 (PRESS-L)",
                panel.targetsTextProperty().get());
        panel.noteProperty().set("seen");
        model.confirm(List.of("PRESS-L", "WELD-M")); // the operator ctrl-clicked another row meanwhile
        assertTrue(sent.calls.isEmpty(), "never applies the note to alarms the panel did not name");
        assertTrue(panel.errorProperty().get());
        assertEquals("Not done: the selection changed since this panel opened for PRESS-L. Check the alarms, then"
                + " press F9 (or Shelve) again.", panel.messageProperty().get());
        model.confirm(List.of("PRESS-L"));
        assertEquals(List.of("ack [PRESS-L] seen"), sent.calls);
        assertEquals("", panel.targetsTextProperty().get(), "closed");
    }

    @Test
    void acknowledgeShownIsRefusedWhenOneOfItsAlarmsNoLongerShows() {
        model.pulse(T0);
        model.requestAcknowledgeShown(); // PRESS-H, WELD-M, PRESS-L need it
        model.panel().noteProperty().set("round");
        model.searchProperty().set("weld");
        model.pulse(T0);
        model.confirm(List.of());
        assertTrue(sent.calls.isEmpty());
        assertTrue(model.panel().messageProperty().get().startsWith("Not done: the selection changed"));
    }

    @Test
    void theTrendOpensAroundTheAlarmAtItsStation() {
        List<Object> opened = new ArrayList<>();
        model.setOnOpenTrend((station, time) -> opened.add(station + " @ " + time));
        model.pulse(T0);
        model.openTrend(model.rows().getFirst());
        assertEquals(List.of(new StationId("demo", "assembly", "line-2", "weld") + " @ " + Instant.parse(
                "2026-11-26T08:00:40Z")), opened);
        assertFalse(opened.isEmpty());
    }

    /** Records what the panel sends; answers done, or refuses with a given message. */
    private static final class Sent implements AlarmActions {
        final List<String> calls = new ArrayList<>();
        String refuse;

        @Override
        public CompletableFuture<Outcome> acknowledge(List<String> ids, String note) {
            calls.add("ack " + ids + " " + note);
            return answer(ids.size());
        }

        @Override
        public CompletableFuture<Outcome> shelve(String id, Duration duration, boolean oneShot, String reason) {
            calls.add("shelve " + id + " " + duration + (oneShot ? " once " : " ") + reason);
            return answer(1);
        }

        @Override
        public CompletableFuture<Outcome> unshelve(String id, String note) {
            calls.add("unshelve " + id + " " + note);
            return answer(1);
        }

        @Override
        public CompletableFuture<Outcome> comment(String id, String text) {
            calls.add("comment " + id + " " + text);
            return answer(1);
        }

        private CompletableFuture<Outcome> answer(int n) {
            return CompletableFuture.completedFuture(refuse == null ? new Outcome(n, List.of())
                    : new Outcome(0, List.of(refuse)));
        }
    }
}
