package io.lineside.telemetry.mapping;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One topic → tag rule: a template, the payload kind and the signals it carries. Immutable.
 *
 * @param topic     where the messages arrive; its {@code {name}} levels become ISA-95 parts
 * @param kind      how the payload carries values
 * @param fixed     ISA-95 parts the topic does not carry, by name ({@code site: plant1}); a captured part may not
 *                  also be fixed
 * @param signals   for {@link PayloadKind#BATCH}: every signal and its field path (at least one); otherwise optional
 *                  metadata for signals named by the topic
 * @param timestamp batch only: shared source time (epoch millis or ISO-8601 text), or null for the receive time
 * @param seq       batch only: shared publisher sequence, or null
 * @param quality   batch only: shared quality code ({@code good}, {@code uncertain}, {@code bad}), or null
 * @param partial   batch only: a signal absent from a message is skipped (report by exception) instead of BAD
 */
public record MappingRule(TopicTemplate topic, PayloadKind kind, Map<String, String> fixed, List<SignalSpec> signals,
                          FieldPath timestamp, FieldPath seq, FieldPath quality, boolean partial) {

    public MappingRule {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        fixed = Map.copyOf(fixed);
        signals = List.copyOf(signals);
        for (String part : fixed.keySet()) {
            int index = TopicTemplate.PARTS.indexOf(part);
            if (index < 0) {
                throw new IllegalArgumentException("unknown ISA-95 part \"" + part + "\"; expected site, area, line or station");
            }
            if (topic.captures(index)) {
                throw new IllegalArgumentException(part + " is both captured by the topic and fixed");
            }
        }
        boolean batch = kind == PayloadKind.BATCH;
        for (int part = 0; part < 4; part++) {
            String name = TopicTemplate.PARTS.get(part);
            if (!topic.captures(part) && !fixed.containsKey(name)) {
                throw new IllegalArgumentException("the topic does not capture {" + name + "}; capture it or give "
                        + "a fixed " + name);
            }
        }
        if (batch) {
            if (topic.captures(4) || fixed.containsKey("signal")) {
                throw new IllegalArgumentException("a batch rule names its signals in 'signals', not in the topic");
            }
            if (signals.isEmpty()) {
                throw new IllegalArgumentException("a batch rule needs at least one signal with a path");
            }
        } else {
            if (!topic.captures(4) && !fixed.containsKey("signal")) {
                throw new IllegalArgumentException("a " + kind.name().toLowerCase(java.util.Locale.ROOT)
                        + " rule must capture {signal} in the topic (or give a fixed signal)");
            }
            if (timestamp != null || seq != null || quality != null || partial) {
                throw new IllegalArgumentException("timestamp, seq, quality and partial apply to batch rules only");
            }
        }
        Set<String> names = new HashSet<>();
        for (SignalSpec signal : signals) {
            if (!names.add(signal.name())) {
                throw new IllegalArgumentException("signal \"" + signal.name() + "\" is listed twice");
            }
            if (batch != (signal.path() != null)) {
                throw new IllegalArgumentException("signal \"" + signal.name() + "\": "
                        + (batch ? "a batch signal needs a path" : "only batch signals have a path"));
            }
        }
        checkPathsDisjoint(signals, timestamp, seq, quality);
        // Fail now, not per message: fixed parts and signal names must be valid tag segments.
        String[] probe = {"s", "a", "l", "st", "sig"};
        fixed.forEach((part, value) -> probe[TopicTemplate.PARTS.indexOf(part)] = value);
        new TagPath(probe[0], probe[1], probe[2], probe[3], probe[4]);
        for (SignalSpec signal : signals) {
            new TagPath(probe[0], probe[1], probe[2], probe[3], signal.name());
        }
    }

    /** Two paths where one is the other or lies inside it would make one member mean two things. */
    private static void checkPathsDisjoint(List<SignalSpec> signals, FieldPath... shared) {
        Map<String, FieldPath> all = new HashMap<>();
        signals.stream().filter(s -> s.path() != null).forEach(s -> all.put("signal " + s.name(), s.path()));
        String[] sharedNames = {"timestamp", "seq", "quality"};
        for (int i = 0; i < shared.length; i++) {
            if (shared[i] != null) {
                all.put(sharedNames[i], shared[i]);
            }
        }
        List<Map.Entry<String, FieldPath>> entries = List.copyOf(all.entrySet());
        for (int i = 0; i < entries.size(); i++) {
            for (int j = 0; j < entries.size(); j++) {
                List<String> a = entries.get(i).getValue().names();
                List<String> b = entries.get(j).getValue().names();
                if (i != j && a.size() <= b.size() && b.subList(0, a.size()).equals(a)) {
                    throw new IllegalArgumentException(entries.get(i).getKey() + " (" + entries.get(i).getValue()
                            + ") overlaps " + entries.get(j).getKey() + " (" + entries.get(j).getValue() + ")");
                }
            }
        }
    }

    /** A rule without fixed parts or signal list (number/object kinds). */
    public static MappingRule simple(String template, PayloadKind kind) {
        return new MappingRule(TopicTemplate.compile(template), kind, Map.of(), List.of(), null, null, null, false);
    }

    /** A number/object rule with some ISA-95 parts fixed rather than captured. */
    public static MappingRule simple(String template, PayloadKind kind, Map<String, String> fixed) {
        return new MappingRule(TopicTemplate.compile(template), kind, fixed, List.of(), null, null, null, false);
    }

    /** The metadata of each signal, by name. */
    Map<String, TagMeta> metaByName() {
        Map<String, TagMeta> out = new HashMap<>();
        signals.forEach(s -> out.put(s.name(), s.meta()));
        return out;
    }

    /** The fixed parts as an array indexed like {@link TopicTemplate#PARTS} (null where captured). */
    String[] fixedParts() {
        String[] parts = new String[5];
        fixed.forEach((part, value) -> parts[TopicTemplate.PARTS.indexOf(part)] = value);
        return parts;
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + topic + (fixed.isEmpty() ? "" : " " + fixed)
                + (signals.isEmpty() ? "" : " " + Arrays.toString(signals.stream().map(SignalSpec::name).toArray()));
    }
}
