package io.lineside.stations.browse;

import io.lineside.stations.SignalDescription;
import io.lineside.stations.StationCatalog;
import io.lineside.stations.StationDescription;
import io.lineside.tags.DirtyTracker;
import io.lineside.tags.StationId;
import io.lineside.tags.TagMeta;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Everything the broker carries, mapped or not: each tag of the store (with its station signal, unit, range, last
 * value, quality and origin topic or Sparkplug metric), each unknown JSON topic the ingest counted, and each
 * Sparkplug metric a birth declared that maps to no tag. Values follow the store through a {@link DirtyTracker}
 * (work per changed tag, not per message); the origin lists are re-read once per {@link #ORIGIN_PERIOD}.
 *
 * <p>One reader thread (the UI pulse) calls {@link #refresh} and {@link #view}; {@link #close} detaches.
 */
public final class TagBrowser implements AutoCloseable {

    /** Rows a {@link #view} returns at most; the rest are counted as "not shown". */
    public static final int MAX_ROWS = 10_000;
    /** How often the topic and birth lists (bounded copies) are re-read. */
    static final Duration ORIGIN_PERIOD = Duration.ofSeconds(1);
    /** Unknown topics the Sparkplug host labels itself; the birth list describes those metrics. */
    static final String SPARKPLUG_LABEL = "sparkplug ";

    /** Where the origins come from: the ingest's diagnostics and the Sparkplug births. Each safe from any thread. */
    public record Sources(Supplier<Map<TagPath, String>> topics, Supplier<Map<String, Long>> unknownTopics,
                          Supplier<Map<String, String>> unknownPayloads, Supplier<List<BirthMetric>> births) {

        /** No JSON diagnostics and no Sparkplug: the store's tags only. */
        public static Sources none() {
            return new Sources(Map::of, Map::of, Map::of, List::of);
        }
    }

    /** What one {@link #refresh} changed: keys whose entry changed, and whether entries came or went. */
    public record Changes(Set<String> changed, boolean membership) {
        public boolean any() {
            return membership || !changed.isEmpty();
        }
    }

    /** One filtered page: the rows shown (at most {@link #MAX_ROWS}), how many matched, how many exist. */
    public record Page(List<TagEntry> rows, int matching, int total) {
        public int notShown() {
            return matching - rows.size();
        }
    }

    private static final Comparator<TagEntry> ORDER = Comparator.comparing(TagEntry::origin).thenComparing(TagEntry::key);

    private final TagStore store;
    private final StationCatalog catalog;
    private final Sources sources;
    private final DirtyTracker tracker;
    private final Map<String, TagEntry> entries = new HashMap<>();
    private final Map<StationId, StationDescription> stations = new HashMap<>();
    private Map<TagPath, BirthMetric> birthsByPath = Map.of();
    private Map<TagPath, String> topics = Map.of();
    private Instant originsAt;

    public TagBrowser(TagStore store, StationCatalog catalog, Sources sources) {
        this.store = store;
        this.catalog = catalog;
        this.sources = sources;
        this.tracker = store.newTracker();
    }

    /** Pulls what changed since the last call. Reader thread only. */
    public Changes refresh(Instant now) {
        Set<String> changed = new HashSet<>();
        boolean membership = false;
        if (originsAt == null || !now.isBefore(originsAt.plus(ORIGIN_PERIOD))) {
            originsAt = now;
            membership = readOrigins(changed);
        }
        List<TagPath> dirty = new ArrayList<>();
        tracker.drain(dirty::add);
        for (TagPath path : dirty) {
            membership |= putTag(path, changed);
        }
        return new Changes(changed, membership);
    }

    /** Every entry known, in no order. Reader thread only. */
    public List<TagEntry> entries() {
        return List.copyOf(entries.values());
    }

    /** The entry of {@code key}, or null. */
    public TagEntry entry(String key) {
        return entries.get(key);
    }

    /** The entries {@code mapping} and {@code text} keep, by origin, at most {@link #MAX_ROWS} of them. */
    public Page view(String text, TagEntry.Mapping mapping) {
        String lower = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        List<TagEntry> matching = new ArrayList<>();
        for (TagEntry e : entries.values()) {
            if (e.matches(mapping, lower)) {
                matching.add(e);
            }
        }
        matching.sort(ORDER);
        List<TagEntry> shown = matching.size() > MAX_ROWS ? List.copyOf(matching.subList(0, MAX_ROWS)) : matching;
        return new Page(List.copyOf(shown), matching.size(), entries.size());
    }

    @Override
    public void close() {
        tracker.close();
    }

    private boolean readOrigins(Set<String> changed) {
        boolean membership = false;
        Map<TagPath, String> newTopics = sources.topics().get();
        Map<TagPath, BirthMetric> newBirths = new HashMap<>();
        Set<String> unmapped = new HashSet<>();
        for (BirthMetric b : sources.births().get()) {
            if (b.path() != null) {
                newBirths.put(b.path(), b);
            } else {
                String key = "spb:" + b.address();
                unmapped.add(key);
                membership |= put(new TagEntry(key, TagEntry.Source.SPARKPLUG, b.address(), null, false,
                        b.datatype(), b.meta().unit(), b.meta().low(), b.meta().high(), b.meta().description(),
                        b.value(), null, b.seen(), 0), changed);
            }
        }
        Map<String, String> payloads = sources.unknownPayloads().get();
        for (Map.Entry<String, Long> u : sources.unknownTopics().get().entrySet()) {
            if (u.getKey().startsWith(SPARKPLUG_LABEL)) {
                continue;
            }
            String key = "topic:" + u.getKey();
            unmapped.add(key);
            boolean sparkplug = u.getKey().startsWith("spBv1.0/");
            TagEntry old = entries.get(key);
            membership |= put(new TagEntry(key, sparkplug ? TagEntry.Source.SPARKPLUG : TagEntry.Source.JSON,
                    u.getKey(), null, false, sparkplug ? "" : "JSON", "", Double.NEGATIVE_INFINITY,
                    Double.POSITIVE_INFINITY, "", payloads.getOrDefault(u.getKey(), ""), null,
                    old != null && old.messages() == u.getValue() ? old.received() : originsAt, u.getValue()), changed);
        }
        membership |= entries.keySet().removeIf(k -> !k.startsWith("tag:") && !unmapped.contains(k));
        boolean originsMoved = !newTopics.equals(topics) || !newBirths.equals(birthsByPath);
        topics = newTopics;
        birthsByPath = newBirths;
        if (originsMoved) {
            stations.clear(); // a birth may have described a signal anew
            for (TagPath path : store.paths()) {
                membership |= putTag(path, changed);
            }
        }
        return membership;
    }

    /** (Re)builds a tag's entry; true if it is new. */
    private boolean putTag(TagPath path, Set<String> changed) {
        TagValue value = store.get(path);
        if (value == null) {
            return false;
        }
        String key = "tag:" + path;
        boolean isNew = !entries.containsKey(key);
        StationId id = path.stationId();
        if (isNew) {
            stations.remove(id); // the catalog lists a signal it had not seen: describe the station again
        }
        StationDescription station = stations.computeIfAbsent(id, catalog::describe);
        SignalDescription signal = station.signal(path.signal()).orElse(null);
        BirthMetric birth = birthsByPath.get(path);
        TagMeta meta = store.meta(path);
        String origin = birth != null ? birth.address() : topics.getOrDefault(path, path.toString());
        String unit = signal != null ? signal.unit() : meta.unit();
        double low = signal != null ? signal.low() : meta.low();
        double high = signal != null ? signal.high() : meta.high();
        String description = signal != null ? signal.label(Locale.ROOT) : meta.description();
        if (description.equals(path.signal())) {
            description = meta.description();
        }
        String text = value.value() instanceof Double d && signal != null ? signal.format(d) : value.text();
        put(new TagEntry(key, birth != null ? TagEntry.Source.SPARKPLUG : TagEntry.Source.JSON, origin, path,
                signal != null && signal.described(), birth != null ? birth.datatype() : "JSON", unit, low, high,
                description, text, value.quality(), value.receiveTime(), 0), changed);
        return isNew;
    }

    /** Stores {@code e}; notes its key if it differs from what was there; true if it is new. */
    private boolean put(TagEntry e, Set<String> changed) {
        TagEntry old = entries.put(e.key(), e);
        if (!e.equals(old)) {
            changed.add(e.key());
        }
        return old == null;
    }
}
