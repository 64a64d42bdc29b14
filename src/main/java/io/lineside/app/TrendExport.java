package io.lineside.app;

import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.ui.Texts;
import io.lineside.ui.trend.TrendCsv;
import io.lineside.ui.trend.TrendData;
import io.lineside.ui.trend.TrendViewModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;

/**
 * Exports a trend's bucket table as CSV for the signed-in user: needs {@link Permission#EXPORT_REPORT}, audited
 * first, like the alarm journal export. Called off the FX thread.
 */
final class TrendExport implements TrendViewModel.Exporter {

    static final String ACTION = "trend.export";

    private final SecuredActions actions;
    private final Texts texts;
    private final ZoneId zone;

    TrendExport(SecuredActions actions, Texts texts, ZoneId zone) {
        this.actions = actions;
        this.texts = texts;
        this.zone = zone;
    }

    @Override
    public String export(TrendData data, Path file) throws Exception {
        int rows = data.buckets().stream().mapToInt(java.util.List::size).sum();
        actions.run(new SecuredActions.Command(Permission.EXPORT_REPORT, ACTION, file.toString(), null,
                data.pens().size() + " pens, " + rows + " rows, " + data.from() + " to " + data.to(), null), () -> {
            write(data, file);
            return null;
        });
        return texts.get("trend.exported", rows, file);
    }

    private void write(TrendData data, Path file) throws IOException {
        // Written beside the target and moved into place: a failed export never leaves half a file.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            TrendCsv.write(data, zone, out);
        }
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
