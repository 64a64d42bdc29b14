package io.lineside.ui.review;

import io.lineside.ui.Lifecycle;
import io.lineside.alarms.AlarmJournal;
import io.lineside.alarms.AlarmKpis;
import io.lineside.alarms.AlarmState;
import io.lineside.alarms.JournalFilter;
import io.lineside.alarms.KpiReport;
import io.lineside.ui.Texts;
import io.lineside.ui.task.BackgroundTasks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * EEMUA 191 alarm KPIs for a time range, computed from the journal off the FX thread: the figures as text lines
 * (each with its target where EEMUA gives one), the bad actors and the priority mix for the charts. FX thread only.
 */
public final class KpiViewModel implements Lifecycle {

    /** A figure and whether it meets its target (null when there is no target). */
    public record Line(String text, Boolean meetsTarget) {
    }

    private final AlarmJournal journal;
    private final BackgroundTasks tasks;
    private final Texts texts;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<List<Line>> lines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<KpiReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public KpiViewModel(AlarmJournal journal, Executor background, Executor fx, Texts texts, Clock clock) {
        this.journal = journal;
        this.tasks = new BackgroundTasks(background, fx);
        this.texts = texts;
        this.clock = clock;
    }

    /** The KPI figures, one line each. */
    public ReadOnlyObjectProperty<List<Line>> linesProperty() {
        return lines.getReadOnlyProperty();
    }

    /** The whole report (bad actors and priority mix feed the charts), or null before the first computation. */
    public ReadOnlyObjectProperty<KpiReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return tasks.busyProperty();
    }

    // Commands

    /** Computes the KPIs of {@code range}, ending now. */
    public void compute(ReviewRange range) {
        Instant to = clock.instant();
        compute(range.from(to), to);
    }

    /**
     * Computes the KPIs of {@code [from, to)}, e.g. one shift, up to now at most: a shift still running is counted to
     * now, not to its end in the future. Rates average over the time the workstation was recording.
     */
    public void compute(Instant from, Instant to) {
        Instant now = clock.instant();
        Instant end = to.isAfter(now) ? now : to;
        if (!end.isAfter(from)) {
            message.set(texts.get("kpi.notStarted"));
            return;
        }
        tasks.run(() -> AlarmKpis.compute(journal.query(JournalFilter.between(from, end)), from, end,
                        journal.recordings(from, end)), this::show,
                failure -> message.set(texts.get("review.failed", BackgroundTasks.describe(failure))));
    }

    /** Re-words the figures of the report shown in the current language of {@link Texts}, without computing again. */
    @Override
    public void relocalize() {
        KpiReport r = report.get();
        if (r != null) {
            lines.set(lines(r));
        }
    }

    private void show(KpiReport r) {
        report.set(r);
        message.set("");
        lines.set(lines(r));
    }

    List<Line> lines(KpiReport r) {
        List<Line> out = new ArrayList<>();
        out.add(new Line(texts.get("kpi.annunciations", r.annunciations()), null));
        // EEMUA 191: about 1 alarm per 10 minutes is manageable, more than 10 is a flood.
        out.add(new Line(texts.get("kpi.rate", fmt(r.averagePer10Minutes()), r.peakPer10Minutes()),
                r.averagePer10Minutes() <= 1.0));
        out.add(new Line(texts.get("kpi.flood", fmt(r.percentInFlood())), r.percentInFlood() < 1.0));
        out.add(new Line(texts.get("kpi.chattering", r.chattering().size(), names(r.chattering())),
                r.chattering().isEmpty()));
        out.add(new Line(texts.get("kpi.stale", r.stale().size(), names(r.stale())), r.stale().isEmpty()));
        KpiReport.PriorityMix mix = r.priorityMix();
        out.add(new Line(texts.get("kpi.mix", fmt(mix.lowPercent()), fmt(mix.mediumPercent()), fmt(mix.highPercent())),
                r.annunciations() == 0 || mix.highPercent() <= KpiReport.PriorityMix.TARGET_HIGH + 5));
        KpiReport.AckTimes ack = r.ackTimes();
        out.add(new Line(texts.get("kpi.ack", ack.count(), duration(ack.average()), duration(ack.longest())), null));
        for (AlarmState hidden : List.of(AlarmState.SHELVED, AlarmState.SUPPRESSED, AlarmState.OUT_OF_SERVICE)) {
            KpiReport.HiddenTime h = r.hidden().getOrDefault(hidden, new KpiReport.HiddenTime(0, Duration.ZERO));
            out.add(new Line(texts.get("kpi.hidden." + hidden.name(), h.count(), duration(h.total())), null));
        }
        return out;
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    private static String names(List<String> ids) {
        return ids.isEmpty() ? "" : ": " + String.join(", ", ids.subList(0, Math.min(5, ids.size())))
                + (ids.size() > 5 ? ", \u2026" : "");
    }

    private static String duration(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " s" : s < 7200 ? (s / 60) + " min" : String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
}
