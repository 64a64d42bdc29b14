package io.lineside.app;

import io.lineside.alarms.AlarmEvent;
import io.lineside.alarms.AlarmJournalCsv;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.ui.Texts;
import io.lineside.ui.review.JournalViewModel;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Exports journal rows as CSV for the signed-in user: needs {@link Permission#EXPORT_REPORT}, audited first. */
final class AlarmJournalExport implements JournalViewModel.Exporter {

    static final String ACTION = "alarm.journal.export";

    private final SecuredActions actions;
    private final Texts texts;

    AlarmJournalExport(SecuredActions actions, Texts texts) {
        this.actions = actions;
        this.texts = texts;
    }

    @Override
    public String export(List<AlarmEvent> events, Path file) throws Exception {
        actions.run(new SecuredActions.Command(Permission.EXPORT_REPORT, ACTION, file.toString(), null,
                events.size() + " rows", null), () -> {
            write(events, file);
            return null;
        });
        return texts.get("review.exported", events.size(), file);
    }

    private static void write(List<AlarmEvent> events, Path file) throws IOException {
        // Written beside the target and moved into place: a failed export never leaves half a file.
        Path partial = file.resolveSibling(file.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            AlarmJournalCsv.write(events, out);
        }
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
