package io.lineside.ui.layout;

import io.lineside.tags.Quality;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagValue;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Something on the plan bound to at most one tag: a symbol or a connection. It takes values cheaply during the
 * drain and shows them once per pulse; its {@link #revisionProperty() revision} goes up only when what it shows
 * changed, which is the one thing its node listens to. FX thread only.
 */
public abstract sealed class BoundItem permits SymbolViewModel, ConnectionViewModel {

    private final Optional<TagPath> tag;
    protected final Texts texts;
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    private TagValue taken;
    private TagValue shown;
    private boolean everShown;
    private String ageText = "";

    BoundItem(Optional<TagPath> tag, Texts texts) {
        this.tag = tag;
        this.texts = texts;
    }

    /** The tag this item shows, if any (a plain drawing has none). */
    public Optional<TagPath> tag() {
        return tag;
    }

    /** Goes up by one each time what this item shows changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    /** The shown value's quality: GOOD for plain drawings, STALE until a value arrives. */
    public Quality quality() {
        if (tag.isEmpty()) {
            return Quality.GOOD;
        }
        return shown == null ? Quality.STALE : shown.quality();
    }

    /** True if the shown value must not be read as live (STALE, BAD or never received). */
    public boolean degraded() {
        Quality q = quality();
        return q == Quality.STALE || q == Quality.BAD;
    }

    /** "Stale · 12 s", "Bad · 0.4 s", "no data", or empty while the value is live. */
    public String ageText() {
        return ageText;
    }

    protected TagValue shownValue() {
        return shown;
    }

    /** Takes the latest value without showing it (cheap, during the drain). */
    final void take(TagValue value) {
        taken = value;
    }

    /**
     * Shows what was taken if it reads differently from what is shown (value or quality).
     *
     * @return true if the item changed
     */
    final boolean show(Instant now) {
        if (everShown && (taken == shown || (taken != null && shown != null && taken.quality() == shown.quality()
                && Objects.equals(taken.value(), shown.value())))) {
            shown = taken; // newer receive time only: the age counts from it
            return refreshAge(now);
        }
        everShown = true;
        shown = taken;
        recompute();
        refreshAge(now);
        bump();
        return true;
    }

    /** Recomputes the age text of a degraded value; bumps the revision if it reads differently. */
    final boolean refreshAge(Instant now) {
        String text;
        if (tag.isEmpty() || !degraded()) {
            text = "";
        } else if (shown == null) {
            text = texts.get("age.never");
        } else {
            text = texts.quality(shown.quality()) + " \u00B7 " + texts.age(Duration.between(shown.receiveTime(), now));
        }
        if (text.equals(ageText)) {
            return false;
        }
        ageText = text;
        bump();
        return true;
    }

    private void bump() {
        revision.set(revision.get() + 1);
    }

    /** Derives what the node draws from the shown value (null until one arrives). */
    abstract void recompute();

    /** The shown value as a number when it may be drawn as live, else NaN. */
    protected double liveNumber() {
        return shown == null || shown.quality() == Quality.BAD ? Double.NaN : shown.number();
    }

    /** True if the shown value says "moving": running/open text, or a number above zero. */
    protected boolean activeValue() {
        if (shown == null || shown.quality() == Quality.BAD) {
            return false;
        }
        if (shown.value() instanceof String s) {
            String t = s.trim().toLowerCase(java.util.Locale.ROOT);
            return t.equals("running") || t.equals("open") || t.equals("on") || t.equals("true");
        }
        return shown.number() > 0;
    }
}
