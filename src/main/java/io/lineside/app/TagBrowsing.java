package io.lineside.app;

import io.lineside.security.Permission;
import io.lineside.security.SessionState;
import io.lineside.stations.browse.BirthMetric;
import io.lineside.stations.browse.TagBrowser;
import io.lineside.telemetry.IngestDiagnostics;
import io.lineside.telemetry.sparkplug.BirthRegistry;
import io.lineside.ui.Texts;
import io.lineside.ui.tags.TagBrowserViewModel;
import java.util.List;

/** Wires the tag browser to the ingest's diagnostics and the Sparkplug births; only engineers may browse. */
final class TagBrowsing {

    private TagBrowsing() {
    }

    /** What the broker carries as the browser's sources. */
    static TagBrowser.Sources sources(Services services) {
        IngestDiagnostics diagnostics = services.pipeline().diagnostics();
        return new TagBrowser.Sources(diagnostics::mappedTopics, diagnostics::unknownTopics,
                diagnostics::unknownPayloads, () -> services.sparkplug()
                        .map(link -> births(link.host().births())).orElse(List.of()));
    }

    static TagBrowserViewModel viewModel(Services services, SecurityServices security, Texts texts) {
        TagBrowser browser = new TagBrowser(services.store(), services.stations(), sources(services));
        // Engineering (Engineer, Administrator), as editing the connections and mappings is; never while locked.
        return new TagBrowserViewModel(browser, () -> {
            SessionState s = security.session().state();
            return !s.locked() && s.role().allows(Permission.EDIT_CONNECTIONS);
        }, texts);
    }

    private static List<BirthMetric> births(BirthRegistry registry) {
        return registry.metrics().stream().map(m -> new BirthMetric(m.address(), m.datatype(), m.path(), m.meta(),
                m.value(), m.seen())).toList();
    }
}
