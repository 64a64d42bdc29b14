package io.lineside.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * KPIs computed from journal rows, as pure functions: pass the rows (they may start before {@code from}, so that
 * states entered earlier are known) and the range {@code [from, to)}. Stateless; safe from any thread.
 *
 * <p>Periods are 10 minutes from {@code from}; a final partial period counts as a period. Rates and the time in flood
 * average over the periods the workstation was recording (a period that overlaps one of its recording periods, or
 * that holds an annunciation), not over hours it was switched off; without recording periods every period counts.
 * An annunciation is an
 * {@link AlarmEvent#annunciation()} row. Chattering: three annunciations of one alarm less than 60 s apart from first
 * to third. Stale: a condition active (ACTIVATE to the next CLEAR) for more than 24 h, ending (or still active) within
 * the range. Time to acknowledge: from the alarm's latest entry into UNACK to its ACK.
 */
public final class AlarmKpis {

    static final Duration PERIOD = Duration.ofMinutes(10);
    static final int FLOOD_THRESHOLD = 10;
    static final int CHATTER_COUNT = 3;
    static final Duration CHATTER_WINDOW = Duration.ofMinutes(1);
    static final Duration STALE_AFTER = Duration.ofHours(24);
    static final int BAD_ACTORS = 10;

    private AlarmKpis() {
    }

    /** All KPIs for {@code [from, to)}, every period counted as recorded. */
    public static KpiReport compute(List<AlarmEvent> rows, Instant from, Instant to) {
        return compute(rows, from, to, List.of());
    }

    /**
     * All KPIs for {@code [from, to)}, rates over the periods that overlap {@code recordings} (or hold an
     * annunciation); all periods when {@code recordings} is empty.
     */
    public static KpiReport compute(List<AlarmEvent> rows, Instant from, Instant to,
                                    List<AlarmJournal.Recording> recordings) {
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("empty range " + from + " .. " + to);
        }
        List<AlarmEvent> sorted = rows.stream().sorted(Comparator.comparing(AlarmEvent::time)).toList();
        List<AlarmEvent> shown = sorted.stream().filter(e -> within(e.time(), from, to) && e.annunciation()).toList();
        int[] perPeriod = perPeriod(shown, from, to);
        int peak = 0;
        int flooded = 0;
        int recorded = 0;
        for (int i = 0; i < perPeriod.length; i++) {
            int n = perPeriod[i];
            peak = Math.max(peak, n);
            flooded += n > FLOOD_THRESHOLD ? 1 : 0;
            Instant start = from.plus(PERIOD.multipliedBy(i));
            Instant end = start.plus(PERIOD).isAfter(to) ? to : start.plus(PERIOD);
            recorded += recordings.isEmpty() || n > 0 || recordings.stream()
                    .anyMatch(r -> r.start().isBefore(end) && r.end().isAfter(start)) ? 1 : 0;
        }
        return new KpiReport(from, to, shown.size(), (double) shown.size() / recorded, peak,
                100.0 * flooded / recorded, chattering(shown), stale(sorted, from, to), badActors(shown),
                priorityMix(shown), ackTimes(sorted, from, to), hidden(sorted, from, to));
    }

    static int[] perPeriod(List<AlarmEvent> shown, Instant from, Instant to) {
        long periods = (Duration.between(from, to).toMillis() + PERIOD.toMillis() - 1) / PERIOD.toMillis();
        int[] counts = new int[(int) periods];
        for (AlarmEvent e : shown) {
            counts[(int) (Duration.between(from, e.time()).toMillis() / PERIOD.toMillis())]++;
        }
        return counts;
    }

    static List<String> chattering(List<AlarmEvent> shown) {
        Map<String, List<Instant>> byAlarm = byAlarm(shown);
        TreeSet<String> out = new TreeSet<>();
        byAlarm.forEach((id, times) -> {
            for (int i = 0; i + CHATTER_COUNT - 1 < times.size(); i++) {
                if (Duration.between(times.get(i), times.get(i + CHATTER_COUNT - 1)).compareTo(CHATTER_WINDOW) < 0) {
                    out.add(id);
                    break;
                }
            }
        });
        return List.copyOf(out);
    }

    static List<String> stale(List<AlarmEvent> sorted, Instant from, Instant to) {
        Map<String, Instant> activeSince = new HashMap<>();
        TreeSet<String> out = new TreeSet<>();
        for (AlarmEvent e : sorted) {
            if (!e.time().isBefore(to)) {
                break;
            }
            if (e.trigger() == AlarmTrigger.ACTIVATE) {
                activeSince.putIfAbsent(e.alarmId(), e.time());
            } else if (e.trigger() == AlarmTrigger.CLEAR) {
                Instant since = activeSince.remove(e.alarmId());
                if (since != null && !e.time().isBefore(from) && Duration.between(since, e.time()).compareTo(STALE_AFTER) > 0) {
                    out.add(e.alarmId());
                }
            }
        }
        activeSince.forEach((id, since) -> {
            if (Duration.between(since, to).compareTo(STALE_AFTER) > 0) {
                out.add(id);
            }
        });
        return List.copyOf(out);
    }

    static List<KpiReport.BadActor> badActors(List<AlarmEvent> shown) {
        Map<String, Integer> counts = new TreeMap<>();
        shown.forEach(e -> counts.merge(e.alarmId(), 1, Integer::sum));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(BAD_ACTORS).map(e -> new KpiReport.BadActor(e.getKey(), e.getValue())).toList();
    }

    static KpiReport.PriorityMix priorityMix(List<AlarmEvent> shown) {
        Map<Priority, Integer> counts = new EnumMap<>(Priority.class);
        for (Priority p : Priority.values()) {
            counts.put(p, 0);
        }
        shown.forEach(e -> counts.merge(e.priority(), 1, Integer::sum));
        int operator = shown.size() - counts.get(Priority.DIAGNOSTIC);
        double scale = operator == 0 ? 0 : 100.0 / operator;
        return new KpiReport.PriorityMix(counts, counts.get(Priority.LOW) * scale, counts.get(Priority.MEDIUM) * scale,
                (counts.get(Priority.HIGH) + counts.get(Priority.CRITICAL)) * scale);
    }

    static KpiReport.AckTimes ackTimes(List<AlarmEvent> sorted, Instant from, Instant to) {
        Map<String, Instant> shownAt = new HashMap<>();
        Duration total = Duration.ZERO;
        Duration longest = Duration.ZERO;
        int count = 0;
        for (AlarmEvent e : sorted) {
            if (e.to() == AlarmState.UNACK && e.from() != AlarmState.UNACK) {
                shownAt.put(e.alarmId(), e.time());
            } else if (e.trigger() == AlarmTrigger.ACK && e.from().needsAck() && within(e.time(), from, to)) {
                Instant since = shownAt.remove(e.alarmId());
                if (since != null) {
                    Duration d = Duration.between(since, e.time());
                    total = total.plus(d);
                    longest = d.compareTo(longest) > 0 ? d : longest;
                    count++;
                }
            }
        }
        return new KpiReport.AckTimes(count, count == 0 ? Duration.ZERO : total.dividedBy(count), longest);
    }

    static Map<AlarmState, KpiReport.HiddenTime> hidden(List<AlarmEvent> sorted, Instant from, Instant to) {
        Map<AlarmState, KpiReport.HiddenTime> out = new EnumMap<>(AlarmState.class);
        for (AlarmState state : List.of(AlarmState.SHELVED, AlarmState.SUPPRESSED, AlarmState.OUT_OF_SERVICE)) {
            Map<String, Instant> since = new HashMap<>();
            int count = 0;
            Duration total = Duration.ZERO;
            for (AlarmEvent e : sorted) {
                if (!e.time().isBefore(to)) {
                    break;
                }
                if (e.to() == state && e.from() != state) {
                    since.put(e.alarmId(), e.time());
                    count += e.time().isBefore(from) ? 0 : 1;
                } else if (e.from() == state && e.to() != state && since.containsKey(e.alarmId())) {
                    total = total.plus(clipped(since.remove(e.alarmId()), e.time(), from, to));
                }
            }
            for (Instant start : since.values()) {
                total = total.plus(clipped(start, to, from, to));
            }
            out.put(state, new KpiReport.HiddenTime(count, total));
        }
        return out;
    }

    private static Duration clipped(Instant start, Instant end, Instant from, Instant to) {
        Instant s = start.isBefore(from) ? from : start;
        Instant e = end.isAfter(to) ? to : end;
        return e.isAfter(s) ? Duration.between(s, e) : Duration.ZERO;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private static Map<String, List<Instant>> byAlarm(List<AlarmEvent> events) {
        Map<String, List<Instant>> out = new HashMap<>();
        events.forEach(e -> out.computeIfAbsent(e.alarmId(), id -> new ArrayList<>()).add(e.time()));
        return out;
    }
}
