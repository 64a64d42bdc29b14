package io.lineside.alarms;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import java.util.Arrays;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Which values of one tag its alarm conditions can tell apart, so that coalescing keeps one of each kind: every limit
 * and deadband edge splits the numbers (values on an edge are a class of their own, as {@code >=} and {@code >}
 * differ there), a bit condition makes every number its own class, each text and each quality that is not GOOD is
 * one. Immutable.
 *
 * @param edges        the sorted limit and deadband edges of the limit alarms on the tag
 * @param exactNumbers true when a bit condition reads the tag (an alarm's or a suppression's)
 */
record ValueClasses(double[] edges, boolean exactNumbers) {

    private static final Object NOT_A_NUMBER = new Object();

    /** The classes of {@code tag} under {@code definitions}. */
    static ValueClasses of(TagPath tag, Collection<AlarmDefinition> definitions) {
        TreeSet<Double> edges = new TreeSet<>();
        boolean exact = false;
        for (AlarmDefinition d : definitions) {
            if (d.tag().equals(tag)) {
                if (d.condition() instanceof LimitCondition l) {
                    boolean high = l.level() == LimitCondition.Level.HH || l.level() == LimitCondition.Level.H;
                    edges.add(l.limit());
                    edges.add(high ? l.limit() - l.deadband() : l.limit() + l.deadband()); // as the condition computes it
                } else if (d.condition() instanceof DiscreteCondition c && c.bit() != null) {
                    exact = true;
                }
            }
            if (d.suppressWhen().isPresent() && d.suppressWhen().get().tag().equals(tag)
                    && d.suppressWhen().get().condition().bit() != null) {
                exact = true;
            }
        }
        return new ValueClasses(edges.stream().mapToDouble(Double::doubleValue).toArray(), exact);
    }

    /** The class of {@code value}: equal keys mean every condition on the tag judges the two values alike. */
    Object of(TagValue value) {
        if (value.quality() != Quality.GOOD) {
            return value.quality();
        }
        if (value.value() instanceof String text) {
            return text;
        }
        double n = value.number();
        if (Double.isNaN(n)) {
            return NOT_A_NUMBER;
        }
        if (exactNumbers) {
            return value.value();
        }
        int i = Arrays.binarySearch(edges, n);
        return i >= 0 ? 2 * i + 1 : 2 * (-i - 1);
    }
}
