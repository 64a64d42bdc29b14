package io.lineside.app;

import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.ShiftReportCsv;
import io.lineside.shifts.pdf.ShiftReportPdf;
import io.lineside.ui.Texts;
import io.lineside.ui.shifts.ShiftReviewViewModel;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * Shift exports for the signed-in user, as the alarm journal's: needs {@link Permission#EXPORT_REPORT}, audited
 * first. Called on a background thread.
 */
final class ShiftExport implements ShiftReviewViewModel.Exporter {

    static final String PDF_ACTION = "shift.report.pdf";
    static final String CSV_ACTION = "shift.report.csv";

    private final SecuredActions actions;
    private final Texts texts;
    private final ZoneId zone;
    private final String workstation;

    private final List<io.lineside.alarms.AlarmDefinition> alarms;

    ShiftExport(SecuredActions actions, Texts texts, ZoneId zone, String workstation) {
        this(actions, texts, zone, workstation, List.of());
    }

    /** @param alarms the configured alarms, whose guidance the PDF prints for the shift's alarms */
    ShiftExport(SecuredActions actions, Texts texts, ZoneId zone, String workstation,
                List<io.lineside.alarms.AlarmDefinition> alarms) {
        this.alarms = List.copyOf(alarms);
        this.actions = actions;
        this.texts = texts;
        this.zone = zone;
        this.workstation = workstation;
    }

    @Override
    public String pdf(ShiftReport report, Path file) throws Exception {
        boolean localized = actions.run(new SecuredActions.Command(Permission.EXPORT_REPORT, PDF_ACTION,
                file.toString(), null, report.period().key(), null),
                () -> ShiftReportPdf.withGuidance(alarms).write(report, texts.bundle(), zone, workstation, file));
        return texts.get("shift.exported", file) + (localized ? "" : " \u2014 " + texts.get("shift.report.fontMissing"));
    }

    @Override
    public String csv(ShiftReport report, Path file) throws Exception {
        List<Path> files = actions.run(new SecuredActions.Command(Permission.EXPORT_REPORT, CSV_ACTION,
                file.toString(), null, report.period().key(), null), () -> ShiftReportCsv.write(report, zone, file));
        return texts.get("shift.exported", String.join(", ", files.stream().map(p -> p.getFileName().toString())
                .toList()));
    }
}
