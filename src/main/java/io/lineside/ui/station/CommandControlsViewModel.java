package io.lineside.ui.station;

import io.lineside.commands.CommandService;
import io.lineside.commands.WritableSignal;
import io.lineside.stations.SignalDescription;
import io.lineside.stations.StationDescription;
import io.lineside.tags.StationId;
import io.lineside.tags.TagPath;
import io.lineside.tags.TagStore;
import io.lineside.ui.Texts;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The faceplate's command section: one {@link CommandRowViewModel} per signal of the station the config declares
 * writable (none: the section is not shown). FX thread only.
 */
public final class CommandControlsViewModel {

    private final List<CommandRowViewModel> rows = new ArrayList<>();
    private final Texts texts;

    public CommandControlsViewModel(StationId station, StationDescription description, List<WritableSignal> writable,
                                    CommandService service, TagStore store, Executor fx, Texts texts) {
        this.texts = texts;
        for (WritableSignal w : writable) {
            TagPath path = station.signal(w.name());
            if (!w.appliesTo(path)) {
                continue;
            }
            SignalDescription d = description.signals().stream().filter(s -> s.name().equals(w.name())).findFirst()
                    .orElse(null);
            String label = d == null ? w.name() : d.label().in(texts.bundle().getLocale(), w.name());
            String unit = d == null ? "" : d.unit();
            rows.add(new CommandRowViewModel(path, w, label, unit, service, store::get, fx, texts));
        }
    }

    public List<CommandRowViewModel> rows() {
        return rows;
    }

    public Texts texts() {
        return texts;
    }

    public void refresh() {
        rows.forEach(CommandRowViewModel::refresh);
    }

    public void dispose() {
        rows.forEach(CommandRowViewModel::dispose);
    }
}
