package io.lineside.ui.tags;

import io.lineside.ui.Lifecycle;
import io.lineside.stations.browse.TagBrowser;
import io.lineside.stations.browse.TagEntry;
import io.lineside.ui.Texts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tag browser's view-model: the {@link TagBrowser}'s filtered page as keyed rows updated in place once per
 * pulse (values at any rate, rows added or removed only when the set or the filter changes, order applied as one
 * permutation), the selected entry's details, and the engineering gate: below Engineer it shows nothing. FX thread only.
 */
public final class TagBrowserViewModel implements Lifecycle {

    private final TagBrowser browser;
    private final BooleanSupplier allowed;
    private final Texts texts;
    private final ObservableList<TagRow> rows = FXCollections.observableArrayList(
            r -> new javafx.beans.Observable[] {r.revisionProperty()});
    private final StringProperty filterText = new SimpleStringProperty("");
    private final ObjectProperty<TagEntry.Mapping> mapping = new SimpleObjectProperty<>(TagEntry.Mapping.ALL);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper details = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper permitted = new ReadOnlyBooleanWrapper();
    private final Map<String, TagRow> shown = new HashMap<>();
    private TagRow selected;
    private boolean filterChanged = true;
    private Instant lastAges;

    /** @param allowed true while the session may browse tags (Engineer and Administrator) */
    public TagBrowserViewModel(TagBrowser browser, BooleanSupplier allowed, Texts texts) {
        this.browser = browser;
        this.allowed = allowed;
        this.texts = texts;
        filterText.addListener((o, a, b) -> filterChanged = true);
        mapping.addListener((o, a, b) -> filterChanged = true);
    }

    public ObservableList<TagRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public ObjectProperty<TagEntry.Mapping> mappingProperty() {
        return mapping;
    }

    /** "N shown of M (K more not shown)". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The selected row's full origin, mapping, datatype, unit, range, description and last value. */
    public ReadOnlyStringProperty detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** False below Engineer: the view shows why instead of the tags. */
    public ReadOnlyBooleanProperty permittedProperty() {
        return permitted.getReadOnlyProperty();
    }

    // Commands

    /** Pulls what changed into the rows. */
    @Override
    public void pulse(Instant now) {
        boolean may = allowed.getAsBoolean();
        if (may != permitted.get()) {
            permitted.set(may);
            filterChanged = true;
        }
        if (!may) {
            if (!rows.isEmpty()) {
                rows.clear();
                shown.clear();
            }
            details.set("");
            status.set(texts.get("tags.denied"));
            return;
        }
        TagBrowser.Changes changes = browser.refresh(now);
        boolean ages = lastAges == null || Duration.between(lastAges, now).toMillis() >= 1000;
        if (changes.membership() || filterChanged) {
            filterChanged = false;
            reconcile(browser.view(filterText.get(), mapping.get()), now);
        } else {
            for (String key : changes.changed()) {
                TagRow row = shown.get(key);
                TagEntry e = browser.entry(key);
                if (row != null && e != null) {
                    fill(row, e, now);
                }
            }
        }
        if (ages) { // ages tick once a second, not per value
            lastAges = now;
            for (TagRow row : rows) {
                fill(row, row.entry(), now);
            }
        }
        if (selected != null) {
            details.set(describe(selected.entry()));
        }
    }

    /** The row the table selected (or null). */
    public void select(TagRow row) {
        selected = row;
        details.set(row == null ? "" : describe(row.entry()));
    }

    /** Re-formats every row in the current language. */
    @Override
    public void relocalize() {
        filterChanged = true;
        for (TagRow row : rows) {
            fill(row, row.entry(), lastAges == null ? Instant.now() : lastAges);
        }
    }

    /** Detaches from the tag store. */
    @Override
    public void dispose() {
        browser.close();
    }

    private void reconcile(TagBrowser.Page page, Instant now) {
        Map<String, Integer> order = new HashMap<>();
        for (TagEntry e : page.rows()) {
            order.put(e.key(), order.size());
        }
        rows.removeIf(r -> !order.containsKey(r.key()));
        shown.keySet().retainAll(order.keySet());
        List<TagRow> added = new ArrayList<>();
        for (TagEntry e : page.rows()) {
            TagRow row = shown.get(e.key());
            if (row == null) {
                row = new TagRow(e);
                shown.put(e.key(), row);
                added.add(row);
            }
            fill(row, e, now);
        }
        rows.addAll(added);
        Comparator<TagRow> byOrder = Comparator.comparing(r -> order.get(r.key()));
        boolean sorted = true;
        for (int i = 1; i < rows.size() && sorted; i++) {
            sorted = byOrder.compare(rows.get(i - 1), rows.get(i)) <= 0;
        }
        if (!sorted) {
            FXCollections.sort(rows, byOrder); // one permutation: the selection follows it
        }
        status.set(page.notShown() > 0
                ? texts.get("tags.statusCapped", page.rows().size(), page.total(), page.notShown())
                : texts.get("tags.status", page.rows().size(), page.total()));
    }

    private void fill(TagRow row, TagEntry e, Instant now) {
        row.update(e, e.origin(), mappingText(e), e.unit(), range(e), e.value(), quality(e), age(e, now));
    }

    private String mappingText(TagEntry e) {
        if (!e.mapped()) {
            return texts.get("tags.notMapped");
        }
        String where = texts.get("tags.mappedTo", e.path().stationId().station(), e.path().signal());
        return e.configured() ? where : where + " " + texts.get("tags.undescribed");
    }

    private static String range(TagEntry e) {
        return e.hasRange() ? fmt(e.low()) + " \u2026 " + fmt(e.high()) : "";
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e12 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%.3g", d);
    }

    private String quality(TagEntry e) {
        return e.quality() == null ? texts.get("tags.noQuality") : texts.get("quality." + e.quality().name());
    }

    private String age(TagEntry e, Instant now) {
        if (e.received() == null) {
            return "";
        }
        long s = Math.max(0, Duration.between(e.received(), now).toSeconds());
        return s < 60 ? texts.get("tags.ageSeconds", s) : s < 3600 ? texts.get("tags.ageMinutes", s / 60)
                : texts.get("tags.ageHours", s / 3600);
    }

    private String describe(TagEntry e) {
        StringBuilder b = new StringBuilder();
        line(b, "tags.detail.origin", e.origin());
        line(b, "tags.detail.source", e.source() == TagEntry.Source.SPARKPLUG ? "Sparkplug B" : "MQTT JSON");
        line(b, "tags.detail.mapping", e.mapped() ? e.path().toString() : texts.get("tags.notMapped"));
        line(b, "tags.detail.datatype", e.datatype());
        line(b, "tags.detail.unit", e.unit());
        line(b, "tags.detail.range", range(e));
        line(b, "tags.detail.description", e.description());
        line(b, "tags.detail.value", e.value());
        line(b, "tags.detail.quality", quality(e));
        if (e.messages() > 0) {
            line(b, "tags.detail.messages", String.valueOf(e.messages()));
        }
        return b.toString();
    }

    private void line(StringBuilder b, String key, String value) {
        b.append(texts.get(key)).append(' ').append(value == null || value.isEmpty() ? "\u2014" : value).append('\n');
    }
}
