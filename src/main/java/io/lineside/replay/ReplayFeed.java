package io.lineside.replay;

import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.tags.TagUpdate;
import io.lineside.tags.TagValue;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Pushes replay frames into a tag store of its own, so the live view-models, built on that store, show the past
 * without knowing it: only the tags whose shown value changed since the last frame are applied (and so flagged dirty
 * for the view-models' trackers). A tag absent from a frame (before its first sample) keeps no value: the store
 * cannot forget one, so it is shown as BAD without value, as the live view shows a tag with nothing usable.
 * One thread at a time (the FX thread in the app).
 */
public final class ReplayFeed {

    private final TagStore store;
    private final Set<TagPath> shown = new HashSet<>();

    public ReplayFeed(TagStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The store the replay view-models read. */
    public TagStore store() {
        return store;
    }

    /** Applies {@code frame}; returns how many tags changed. */
    public int show(ReplayFrame frame) {
        int changed = 0;
        for (Map.Entry<TagPath, TagValue> e : frame.values().entrySet()) {
            if (!e.getValue().equals(store.get(e.getKey()))) {
                store.apply(new TagUpdate(e.getKey(), e.getValue()));
                changed++;
            }
            shown.add(e.getKey());
        }
        if (shown.size() > frame.values().size()) { // scrubbed back before some tags' first sample
            for (var it = shown.iterator(); it.hasNext(); ) {
                TagPath path = it.next();
                if (!frame.values().containsKey(path)) {
                    TagValue old = store.get(path);
                    store.apply(new TagUpdate(path, new TagValue(null, frame.at(), frame.at(),
                            io.lineside.tags.Quality.BAD, -1)));
                    it.remove();
                    changed += old == null ? 0 : 1;
                }
            }
        }
        return changed;
    }
}
