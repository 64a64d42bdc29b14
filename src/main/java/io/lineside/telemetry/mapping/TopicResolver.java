package io.lineside.telemetry.mapping;

import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Resolves topics to the tags their messages carry, through the {@link TopicMappings} rules in order. A topic is
 * matched once and then answered from a bounded cache, so the decoder pays a hash lookup per message, not a template
 * walk and five name checks per signal. Thread-confined (the decoder thread).
 */
public final class TopicResolver {

    /** Topics remembered (known and unknown alike); beyond that the cache starts over. */
    static final int MAX_CACHED = 20_000;

    /**
     * Where one topic's messages go.
     *
     * @param rule  the first rule that matched
     * @param paths the tag of each signal: one for number/object, one per {@link MappingRule#signals()} for batch
     * @param metas what is configured about each of {@code paths}
     */
    public record Resolved(MappingRule rule, TagPath[] paths, TagMeta[] metas) {
    }

    private static final Resolved UNKNOWN = new Resolved(null, new TagPath[0], new TagMeta[0]);

    private final List<MappingRule> rules;
    private final List<Map<String, TagMeta>> metaByRule;
    private final List<String[]> fixedByRule;
    private final Map<String, Resolved> cache = new HashMap<>();
    private final BiConsumer<String, Resolved> onNew;

    /**
     * @param onNew told of each topic newly resolved and what it resolved to (again after the cache starts over), on
     *              the calling thread
     */
    public TopicResolver(TopicMappings mappings, BiConsumer<String, Resolved> onNew) {
        this.onNew = onNew;
        this.rules = mappings.rules();
        this.metaByRule = rules.stream().map(MappingRule::metaByName).toList();
        this.fixedByRule = rules.stream().map(MappingRule::fixedParts).toList();
    }

    /** The tags {@code topic} carries, or null when no rule maps it (or it names an invalid segment). */
    public Resolved resolve(String topic) {
        Resolved hit = cache.get(topic);
        if (hit == null) {
            hit = match(topic);
            if (cache.size() >= MAX_CACHED) {
                cache.clear(); // a flood of distinct topics must not grow the heap
            }
            cache.put(topic, hit);
            if (hit != UNKNOWN) {
                onNew.accept(topic, hit);
            }
        }
        return hit == UNKNOWN ? null : hit;
    }

    private Resolved match(String topic) {
        if (topic == null) {
            return UNKNOWN;
        }
        String[] levels = topic.split("/", -1);
        String[] parts = new String[5];
        for (int r = 0; r < rules.size(); r++) {
            MappingRule rule = rules.get(r);
            System.arraycopy(fixedByRule.get(r), 0, parts, 0, 5);
            if (rule.topic().match(levels, parts)) {
                try {
                    return resolved(r, rule, parts);
                } catch (IllegalArgumentException invalidName) {
                    // A captured level that is no valid tag segment: try the next rule, else unknown.
                }
            }
        }
        return UNKNOWN;
    }

    private Resolved resolved(int r, MappingRule rule, String[] parts) {
        if (rule.kind() != PayloadKind.BATCH) {
            TagPath path = new TagPath(parts[0], parts[1], parts[2], parts[3], parts[4]);
            TagMeta meta = metaByRule.get(r).getOrDefault(path.signal(), TagMeta.NONE);
            return new Resolved(rule, new TagPath[] {path}, new TagMeta[] {meta});
        }
        List<SignalSpec> signals = rule.signals();
        TagPath[] paths = new TagPath[signals.size()];
        TagMeta[] metas = new TagMeta[signals.size()];
        for (int i = 0; i < paths.length; i++) {
            paths[i] = new TagPath(parts[0], parts[1], parts[2], parts[3], signals.get(i).name());
            metas[i] = signals.get(i).meta();
        }
        return new Resolved(rule, paths, metas);
    }
}
