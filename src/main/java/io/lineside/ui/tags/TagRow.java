package io.lineside.ui.tags;

import io.lineside.stations.browse.TagEntry;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One line of the tag browser, keyed by its entry's key: new values update the same row object in place, so the
 * table's selection and scroll stay with it at any update rate. FX thread only.
 */
public final class TagRow {

    private final String key;
    private TagEntry entry;
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper mapping = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper unit = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper range = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper value = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper quality = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper age = new ReadOnlyStringWrapper("");
    /** Bumped by every change: the list's extractor. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    TagRow(TagEntry entry) {
        this.key = entry.key();
        this.entry = entry;
    }

    public String key() {
        return key;
    }

    public TagEntry entry() {
        return entry;
    }

    boolean update(TagEntry e, String originText, String mappingText, String unitText, String rangeText,
                   String valueText, String qualityText, String ageText) {
        entry = e;
        boolean changed = set(origin, originText) | set(mapping, mappingText) | set(unit, unitText)
                | set(range, rangeText) | set(value, valueText) | set(quality, qualityText) | set(age, ageText);
        if (changed) {
            revision.set(revision.get() + 1);
        }
        return changed;
    }

    private static boolean set(ReadOnlyStringWrapper p, String text) {
        if (text.equals(p.get())) {
            return false;
        }
        p.set(text);
        return true;
    }

    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty mappingProperty() {
        return mapping.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty unitProperty() {
        return unit.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty rangeProperty() {
        return range.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty qualityProperty() {
        return quality.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty ageProperty() {
        return age.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }
}
