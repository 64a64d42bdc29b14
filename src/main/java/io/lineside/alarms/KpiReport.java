package io.lineside.alarms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Alarm-management KPIs (EEMUA 191 / ISA-18.2) for one time range; see {@link AlarmKpis} for how each is computed.
 *
 * @param annunciations        alarms shown to the operator (activations and re-alarms) in the range
 * @param averagePer10Minutes  annunciations per 10-minute period
 * @param peakPer10Minutes     the most annunciations in one 10-minute period
 * @param percentInFlood       share of 10-minute periods with more than 10 annunciations
 * @param chattering           alarms annunciated 3 or more times within a minute, by id
 * @param stale                alarms whose condition stayed active more than 24 hours, by id
 * @param badActors            the 10 most frequent alarms, most frequent first
 * @param hidden               shelved, suppressed and out-of-service: how often and how long
 */
public record KpiReport(Instant from, Instant to, int annunciations, double averagePer10Minutes, int peakPer10Minutes,
                        double percentInFlood, List<String> chattering, List<String> stale, List<BadActor> badActors,
                        PriorityMix priorityMix, AckTimes ackTimes, Map<AlarmState, HiddenTime> hidden) {

    public KpiReport {
        chattering = List.copyOf(chattering);
        stale = List.copyOf(stale);
        badActors = List.copyOf(badActors);
        hidden = Map.copyOf(hidden);
    }

    /** One alarm and how often it was annunciated. */
    public record BadActor(String alarmId, int count) {
    }

    /**
     * Annunciations per priority and the operator's mix against the 80 % Low / 15 % Medium / 5 % High target
     * (Critical counts with High; Diagnostic alarms are not shown to operators and are left out of the percentages).
     */
    public record PriorityMix(Map<Priority, Integer> counts, double lowPercent, double mediumPercent,
                              double highPercent) {

        public static final double TARGET_LOW = 80;
        public static final double TARGET_MEDIUM = 15;
        public static final double TARGET_HIGH = 5;

        public PriorityMix {
            counts = Map.copyOf(counts);
        }
    }

    /** Time from annunciation to acknowledgement, over the acknowledgements in the range. */
    public record AckTimes(int count, Duration average, Duration longest) {
    }

    /** How many times alarms entered the state in the range, and their total time in it within the range. */
    public record HiddenTime(int count, Duration total) {
    }
}
