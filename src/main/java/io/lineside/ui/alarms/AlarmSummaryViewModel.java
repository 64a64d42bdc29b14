package io.lineside.ui.alarms;

import io.lineside.ui.Lifecycle;
import io.lineside.alarms.ActiveAlarm;
import io.lineside.alarms.AlarmActions;
import io.lineside.alarms.AlarmDefinition;
import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.AlarmTrigger;
import io.lineside.alarms.AlarmGroup;
import io.lineside.alarms.AlarmSnapshot;
import io.lineside.alarms.Priority;
import io.lineside.tags.StationId;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The alarm summary: the annunciated alarms sorted by priority then newest, filtered by area/line/station and text,
 * optionally grouped by station in a flood (first-out marked, the rest collapsed), and the operator's commands on
 * them through {@link AlarmActions} with the note and reason rules checked first ({@link AlarmCommandPanel}).
 *
 * <p>FX thread only. Results of commands come back through the injected FX executor.
 */
public final class AlarmSummaryViewModel implements Lifecycle {

    /** How far either side of an alarm its trend reaches. */
    public static final Duration TREND_SPAN = Duration.ofMinutes(10);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CLOCK_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DAY_MINUTES = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    /** The engine's shelve note: {@code reason (one-shot, until 2026-12-07T08:00:00Z)}. */
    private static final java.util.regex.Pattern SHELVE_NOTE =
            java.util.regex.Pattern.compile("(?s)(.*) \\((one-shot, )?until (\\S+)\\)");

    private final Supplier<AlarmSnapshot> source;
    private final Supplier<List<AlarmEvent>> shelvedSource;
    private final Map<String, AlarmDefinition> definitions;
    private final BooleanProperty showShelved = new SimpleBooleanProperty();
    private List<AlarmEvent> lastShelved = List.of();
    private final Texts texts;
    private final ZoneId zone;
    private final ObservableList<AlarmRow> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.revisionProperty()});
    private final ObservableList<AlarmRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ObservableList<String> scopes = FXCollections.observableArrayList();
    private final StringProperty scope = new SimpleStringProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty grouped = new SimpleBooleanProperty();
    private final AlarmCommandPanel panel;
    private BiConsumer<StationId, Instant> onOpenTrend = (s, t) -> { };
    private java.util.function.Consumer<StationId> onOpenStation = s -> { };
    private AlarmSnapshot last;
    private boolean filterChanged = true;
    private final Executor fx;
    private final javafx.beans.property.ReadOnlyStringWrapper history = new javafx.beans.property.ReadOnlyStringWrapper("");
    private HistorySource historySource;
    /** Reads the selected alarm's history; a newer request (or another selection) supersedes an older one. */
    private io.lineside.ui.task.BackgroundTasks.Latest historyRead;
    private AlarmRow historyRow;
    /** The selected alarm's id, state and since when its history was last asked for: read again when it changes. */
    private String historyKey = "";
    private io.lineside.alarms.AlarmHistory lastHistory;

    /** Where an alarm's history comes from (the journal); called on the background executor. */
    @FunctionalInterface
    public interface HistorySource {
        io.lineside.alarms.AlarmHistory history(String alarmId) throws Exception;
    }

    /**
     * @param shelved the shelve events of the alarms shelved now (the snapshot lists only annunciated alarms);
     *                safe to call on the FX thread
     */
    public AlarmSummaryViewModel(Supplier<AlarmSnapshot> source, List<AlarmDefinition> definitions,
                                 Supplier<List<AlarmEvent>> shelved, AlarmActions actions, Texts texts, ZoneId zone,
                                 Executor fx) {
        this(source, definitions, shelved, actions, io.lineside.alarms.ShelveReasons.DEFAULT, texts, zone, fx);
    }

    /** As above, offering the alarm config's {@code shelveReasons} (the list the alarm service accepts). */
    public AlarmSummaryViewModel(Supplier<AlarmSnapshot> source, List<AlarmDefinition> definitions,
                                 Supplier<List<AlarmEvent>> shelved, AlarmActions actions,
                                 io.lineside.alarms.ShelveReasons shelveReasons, Texts texts, ZoneId zone,
                                 Executor fx) {
        this.source = source;
        this.shelvedSource = shelved;
        this.definitions = definitions.stream()
                .collect(Collectors.toUnmodifiableMap(AlarmDefinition::id, Function.identity()));
        this.texts = texts;
        this.zone = zone;
        this.fx = fx;
        this.panel = new AlarmCommandPanel(actions, shelveReasons, texts, zone, fx);
        panel.setOnCommented(id -> {
            if (historyRow != null && historyRow.id().equals(id)) {
                readHistory(); // the new comment shows in the detail
            }
        });
        scopes.add(texts.get("summary.scopeAll"));
        scopes.addAll(scopesOf(definitions));
        scope.set(scopes.getFirst());
        scope.addListener((o, a, b) -> filterChanged = true);
        search.addListener((o, a, b) -> filterChanged = true);
        grouped.addListener((o, a, b) -> filterChanged = true);
        showShelved.addListener((o, a, b) -> filterChanged = true);
    }

    /** The rows to show, in display order. */
    public ObservableList<AlarmRow> rows() {
        return readOnlyRows;
    }

    /** "All areas", then each area, area/line and area/line/station that has alarms configured. */
    public ObservableList<String> scopes() {
        return FXCollections.unmodifiableObservableList(scopes);
    }

    /** The chosen scope (one of {@link #scopes()}); bound by the view. */
    /** The time column's header: "Time" over the plant zone the times are in (stored times are UTC). */
    public String timeHeader() {
        return texts.get("summary.time") + "\n"
                + (zone.normalized().equals(java.time.ZoneOffset.UTC) ? "UTC" : zone.getId()); // not "Z"
    }

    public StringProperty scopeProperty() {
        return scope;
    }

    /** Case-insensitive text in the alarm id, message, station or tag; bound by the view. */
    public StringProperty searchProperty() {
        return search;
    }

    /** Group by station with the first-out marked (flood mode); bound by the view. */
    public BooleanProperty groupedProperty() {
        return grouped;
    }

    /** Also list the shelved alarms (with who, why and until when); bound by the view. */
    public BooleanProperty showShelvedProperty() {
        return showShelved;
    }

    /** The acknowledge and shelve panel. */
    public AlarmCommandPanel panel() {
        return panel;
    }

    /**
     * Reads the selected alarm's history from {@code source} on {@code background} (never on the FX thread): when
     * the selection changes, when the selected alarm's state changes and after a comment on it. Without a source
     * the detail shows no history.
     */
    public void setHistorySource(HistorySource source, Executor background) {
        this.historySource = source;
        this.historyRead = new io.lineside.ui.task.BackgroundTasks(background, fx).latest();
    }

    /** The selected alarm's last occurrences, annunciation counts (chattering) and comments; empty for none. */
    public javafx.beans.property.ReadOnlyStringProperty historyProperty() {
        return history.getReadOnlyProperty();
    }

    /** The row whose history the detail shows (the table's selection); null for none. */
    public void showHistory(AlarmRow row) {
        historyRow = row;
        historyChanged();
    }

    private void historyChanged() {
        if (historySource == null) {
            return;
        }
        if (historyRow == null) {
            historyKey = "";
            historyRead.cancel();
            lastHistory = null;
            history.set("");
            return;
        }
        ActiveAlarm a = historyRow.alarm();
        String key = a.id() + '\u0000' + a.state() + '\u0000' + a.since();
        if (!key.equals(historyKey)) {
            if (!historyKey.startsWith(a.id() + '\u0000')) {
                lastHistory = null;
                history.set(texts.get("summary.historyLoading"));
            }
            historyKey = key;
            readHistory();
        }
    }

    private void readHistory() {
        String id = historyRow.id();
        HistorySource source = historySource;
        historyRead.run(() -> source.history(id), read -> {
            lastHistory = read;
            history.set(AlarmHistoryText.of(read, texts, zone));
        }, failure -> {
            lastHistory = null;
            history.set(texts.get("summary.historyFailed", io.lineside.ui.task.BackgroundTasks.describe(failure)));
        });
    }

    /** Who shows a station's trend around a time (the trend pane). */
    public void setOnOpenTrend(BiConsumer<StationId, Instant> handler) {
        this.onOpenTrend = handler;
    }

    /** Who shows a station's faceplate (the display hierarchy's navigator). */
    public void setOnOpenStation(java.util.function.Consumer<StationId> handler) {
        this.onOpenStation = handler;
    }

    // Commands

    /** Goes to {@code row}'s station: alarm to station in one step. */
    public void openStation(AlarmRow row) {
        if (row != null) {
            onOpenStation.accept(row.alarm().definition().station());
        }
    }

    /**
     * Pulls the latest snapshot and refilters when it or the filter changed. Rows are keyed by alarm id: an alarm
     * still shown keeps its row object (its properties change in place), only alarms that appeared or left add or
     * remove rows, and a new order is applied as a permutation, so the table's selection, focus and scroll survive.
     * FX thread only.
     */
    @Override
    public void pulse(Instant now) {
        AlarmSnapshot snapshot = source.get();
        List<AlarmEvent> shelved = showShelved.get() ? shelvedSource.get() : List.of();
        if (snapshot == last && shelved.equals(lastShelved) && !filterChanged) {
            return;
        }
        last = snapshot;
        lastShelved = shelved;
        filterChanged = false;
        List<Spec> next = build(snapshot);
        next.addAll(shelvedRows(shelved));
        reconcile(next);
        historyChanged(); // only when the selected alarm's state changed: a journal read per alarm event, not per pulse
    }

    /** One row as it should be now, before it is matched to the row object already shown for its alarm. */
    private record Spec(ActiveAlarm alarm, String group, String shelve) {
    }

    private void reconcile(List<Spec> next) {
        Map<String, Integer> order = new HashMap<>();
        Map<String, Spec> wanted = new LinkedHashMap<>();
        for (Spec spec : next) {
            if (wanted.putIfAbsent(spec.alarm().id(), spec) == null) {
                order.put(spec.alarm().id(), order.size());
            }
        }
        rows.removeIf(r -> !wanted.containsKey(r.id()));
        Map<String, AlarmRow> shown = new HashMap<>();
        for (AlarmRow r : rows) {
            shown.put(r.id(), r);
        }
        List<AlarmRow> added = new ArrayList<>();
        for (Spec spec : wanted.values()) {
            AlarmRow existing = shown.get(spec.alarm().id());
            if (existing == null) {
                AlarmRow row = new AlarmRow(spec.alarm(), "", "", "", "", "", "", "", "");
                fill(row, spec);
                added.add(row);
            } else {
                fill(existing, spec);
            }
        }
        rows.addAll(added);
        Comparator<AlarmRow> byOrder = Comparator.comparing(r -> order.get(r.id()));
        if (!isSorted(byOrder)) {
            FXCollections.sort(rows, byOrder); // one permutation: the selection model follows it
        }
    }

    private boolean isSorted(Comparator<AlarmRow> c) {
        for (int i = 1; i < rows.size(); i++) {
            if (c.compare(rows.get(i - 1), rows.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    /** Opens the trend of {@code row}'s station from 10 minutes before to 10 minutes after the alarm. */
    public void openTrend(AlarmRow row) {
        if (row != null) {
            onOpenTrend.accept(row.alarm().definition().station(), row.alarm().since());
        }
    }

    /**
     * Re-formats everything in the current language of {@link Texts} (after a language switch): the rows at the
     * next pulse, and the "all areas" scope (kept chosen if it was). FX thread only.
     */
    @Override
    public void relocalize() {
        boolean all = scopes.getFirst().equals(scope.get());
        scopes.set(0, texts.get("summary.scopeAll"));
        if (all) {
            scope.set(scopes.getFirst());
        }
        last = null;
        filterChanged = true;
        if (lastHistory != null) {
            history.set(AlarmHistoryText.of(lastHistory, texts, zone));
        }
    }

    /**
     * The detail area for {@code row}: trip and current value, repeats, and the alarm's guidance (cause, consequence,
     * corrective action, time to respond) from its definition; empty for no row.
     */
    public String detail(AlarmRow row) {
        if (row == null) {
            return "";
        }
        ActiveAlarm a = row.alarm();
        StringBuilder b = new StringBuilder(texts.get("summary.detailValues", a.id(),
                a.tripValue().isEmpty() ? "\u2014" : a.tripValue(), a.value(), a.repeats()));
        b.append('\n').append(AlarmGuidanceText.of(a.definition(), texts));
        return b.toString();
    }

    /** Asks for a note to acknowledge {@code selected}. */
    public void requestAcknowledge(List<AlarmRow> selected) {
        panel.requestAcknowledge(selected.stream().map(AlarmRow::alarm).toList());
    }

    /** Asks for a note to acknowledge every shown row (the visible page). */
    public void requestAcknowledgeShown() {
        panel.requestAcknowledge(rows.stream().map(AlarmRow::alarm).toList(), false);
    }

    /** Confirms the panel if the operator still sees what it was opened for ({@code selectedIds} now). */
    public void confirm(List<String> selectedIds) {
        panel.confirm(panelOnShown() ? rows.stream().map(AlarmRow::id).toList() : selectedIds);
    }

    private boolean panelOnShown() {
        return !panel.onSelection();
    }

    private List<Spec> build(AlarmSnapshot s) {
        List<Spec> out = new ArrayList<>();
        if (grouped.get()) {
            for (AlarmGroup g : s.groups()) {
                if (matches(g.firstOut())) {
                    String mark = g.size() == 1 ? texts.get("summary.firstOut")
                            : texts.get("summary.collapsed", g.size() - 1);
                    out.add(new Spec(g.firstOut(), mark, ""));
                }
            }
            return out;
        }
        s.alarms().stream().filter(this::matches)
                .sorted(Comparator.comparing(ActiveAlarm::priority)
                        .thenComparing(ActiveAlarm::since, Comparator.reverseOrder()).thenComparing(ActiveAlarm::id))
                .forEach(a -> out.add(new Spec(a, "", "")));
        return out;
    }

    private List<Spec> shelvedRows(List<AlarmEvent> shelved) {
        List<Spec> out = new ArrayList<>();
        for (AlarmEvent e : shelved) {
            AlarmDefinition d = definitions.get(e.alarmId());
            if (d == null) {
                continue;
            }
            ActiveAlarm a = new ActiveAlarm(d.id(), AlarmState.SHELVED, d.priority(), e.station(), e.tag(), e.value(),
                    e.time(), 1, false, d);
            if (matches(a)) {
                out.add(new Spec(a, "", shelveText(e)));
            }
        }
        out.sort(Comparator.comparing((Spec r) -> r.alarm().priority()));
        return out;
    }

    /**
     * "olga · reason · until 14:05 (one-shot)", from the alarm's SHELVE event (the alarm service keeps only those in
     * its shelved list; anything else, e.g. a state restored at start-up, names no shelver).
     */
    private String shelveText(AlarmEvent shelve) {
        java.util.regex.Matcher m = SHELVE_NOTE.matcher(shelve.note());
        String who = shelve.trigger() == AlarmTrigger.SHELVE ? shelve.user() : texts.get("summary.shelverUnknown");
        if (!m.matches()) {
            return texts.get("summary.shelvedByNote", who, shelve.note());
        }
        Instant until = Instant.parse(m.group(3));
        String untilText = until.atZone(zone).toLocalDate().equals(shelve.time().atZone(zone).toLocalDate())
                ? CLOCK_MINUTES.format(until.atZone(zone)) : DAY_MINUTES.format(until.atZone(zone));
        return texts.get(m.group(2) != null ? "summary.shelvedByOneShot" : "summary.shelvedBy", who,
                m.group(1), untilText);
    }

    private void fill(AlarmRow row, Spec spec) {
        ActiveAlarm a = spec.alarm();
        String state = stateText(a.state(), a.uncertain(), a.restored());
        String repeats = a.repeats() > 1 ? " " + texts.get("summary.repeats", a.repeats()) : "";
        row.update(a, symbol(a.priority()) + " " + texts.get("priority." + a.priority().name()),
                CLOCK.format(a.since().atZone(zone)), shortStation(a.definition().station()),
                a.definition().message(texts.language()) + repeats, a.value(), a.tripValue(), state, spec.group(),
                spec.shelve());
    }

    /** A state in words as the State column shows it, led by its glyph. */
    private String stateText(AlarmState s, boolean uncertain, boolean restored) {
        String state = stateGlyph(s) + " " + texts.get("alarmState." + s.name());
        if (uncertain) {
            state = texts.get("alarmState.uncertain", state);
        }
        if (restored) {
            state = texts.get("alarmState.restored", state);
        }
        return state;
    }

    /**
     * Every text the State column can show in this language (each state, uncertain or not, restored or not): the
     * view sizes the column for the widest once, never while rows are laid out.
     */
    public List<String> stateTexts() {
        List<String> out = new ArrayList<>();
        for (AlarmState s : AlarmState.values()) {
            for (int flags = 0; flags < 4; flags++) {
                out.add(stateText(s, (flags & 1) != 0, (flags & 2) != 0));
            }
        }
        return out;
    }

    /**
     * ISA-101: a shape per state, so an active unacknowledged alarm and a returned unacknowledged one differ by
     * more than colour: filled for an active condition, hollow or dotted once it has returned.
     */
    public static String stateGlyph(AlarmState s) {
        return switch (s) {
            case UNACK -> "\u25C9"; // fisheye: active, unacknowledged
            case ACKED -> "\u25CF"; // filled circle: active, acknowledged
            case RTN_UNACK -> "\u25CC"; // dotted circle: returned, unacknowledged
            case LATCHED -> "\u25A3"; // square in square: latched, needs a reset
            case SHELVED -> "\u25A1"; // hollow square: hidden by an operator
            case NORMAL, SUPPRESSED, OUT_OF_SERVICE -> "\u25CB"; // ring
        };
    }

    private boolean matches(ActiveAlarm a) {
        StationId st = a.definition().station();
        String path = st.area() + "/" + st.line() + "/" + st.station() + "/";
        String chosen = scope.get();
        if (chosen != null && !chosen.equals(scopes.getFirst()) && !path.startsWith(chosen + "/")) {
            return false;
        }
        String q = search.get() == null ? "" : search.get().strip().toLowerCase(Locale.ROOT);
        return q.isEmpty() || (a.id() + "\n" + a.definition().message(texts.language()) + "\n" + a.definition()
                .message("en") + "\n" + a.station() + "\n" + a.tag()).toLowerCase(Locale.ROOT).contains(q);
    }

    /** ISA-101: a shape per priority, so colour is never the only cue. */
    public static String symbol(Priority p) {
        return switch (p) {
            case CRITICAL -> "\u25C6"; // diamond
            case HIGH -> "\u25B2"; // triangle
            case MEDIUM -> "\u25A0"; // square
            case LOW -> "\u25CF"; // circle
            case DIAGNOSTIC -> "\u25CB"; // ring
        };
    }

    private static String shortStation(StationId st) {
        return st.line() + " / " + st.station();
    }

    private static List<String> scopesOf(List<AlarmDefinition> definitions) {
        Set<String> out = new LinkedHashSet<>();
        definitions.stream().map(AlarmDefinition::station).sorted(Comparator.comparing(StationId::toString))
                .forEach(st -> {
                    out.add(st.area());
                    out.add(st.area() + "/" + st.line());
                    out.add(st.area() + "/" + st.line() + "/" + st.station());
                });
        return List.copyOf(out);
    }
}
