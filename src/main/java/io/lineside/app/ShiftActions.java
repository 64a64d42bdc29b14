package io.lineside.app;

import io.lineside.history.ShiftBook;
import io.lineside.security.ActionRefusedException;
import io.lineside.security.AuthResult;
import io.lineside.security.Permission;
import io.lineside.security.SecuredActions;
import io.lineside.security.SessionManager;
import io.lineside.security.UserService;
import io.lineside.shifts.Downtime;
import io.lineside.shifts.ReasonTree;
import io.lineside.shifts.ShiftFormat;
import io.lineside.shifts.ShiftReport;
import io.lineside.shifts.SignedLineCodec;
import io.lineside.ui.Texts;
import io.lineside.ui.shifts.ShiftReviewViewModel;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * What the signed-in user adds to a shift from the review (decision 0024): a downtime reason, a handover note, a
 * sign-off. Each is permission-checked and audited first through {@link SecuredActions}; a refusal found after that
 * (a signed shift, a wrong password) is the action's {@code failed} row with the reason. Called on a background
 * thread; messages in the user's language.
 */
final class ShiftActions implements ShiftReviewViewModel.Book {

    static final String CLASSIFY = "shift.downtime.classify";
    static final String HANDOVER = "shift.handover";
    static final String SIGN_OFF = "shift.signoff";
    /** The password asked again before a sign-off, audited under this action as the login is. */
    static final String REAUTHENTICATE = "shift.signoff.reauthenticate";

    /** Refused for a reason of the shift itself (signed, not ended, not in the tree); the message says which. */
    static final class Refused extends ActionRefusedException {
        Refused(String message) {
            super(message, null);
        }
    }

    private final SecuredActions actions;
    private final SessionManager session;
    private final UserService users;
    private final ShiftBook book;
    private final ReasonTree reasons;
    private final Texts texts;
    private final Clock clock;

    ShiftActions(SecuredActions actions, SessionManager session, UserService users, ShiftBook book, ReasonTree reasons,
                 Texts texts, Clock clock) {
        this.actions = actions;
        this.session = session;
        this.users = users;
        this.book = book;
        this.reasons = reasons;
        this.texts = texts;
        this.clock = clock;
    }

    @Override
    public ReasonTree reasons() {
        return reasons;
    }

    @Override
    public String classify(ShiftReport report, String line, Downtime stop, String reason, String note) throws Exception {
        String target = line + "/" + stop.station() + "@" + stop.from();
        String clean = note == null ? "" : note.strip();
        actions.run(new SecuredActions.Command(Permission.CLASSIFY_DOWNTIME, CLASSIFY, target, stop.reason(), reason,
                clean.isEmpty() ? null : clean), () -> {
            if (!reasons.contains(reason)) {
                throw new Refused(texts.get("shift.classify.unknownReason", reason));
            }
            Optional<ShiftBook.SignOff> signed = book.signOffCovering(line, stop.from());
            if (signed.isPresent()) {
                throw new Refused(texts.get("shift.classify.signed", signed.get().shiftKey(), signed.get().user(),
                        format(report).dateTime(signed.get().at())));
            }
            book.classify(new ShiftBook.Classification(line + "/" + stop.station(), stop.from(), reason, clean,
                    session.actor().userName(), clock.instant()));
            return null;
        });
        return texts.get("shift.classified", stop.station(), format(report).time(stop.from()),
                format(report).reason(reason));
    }

    @Override
    public String handover(ShiftReport report, String line, String note) throws Exception {
        String clean = note == null ? "" : note.strip();
        String old = report.book(line).handover().map(ShiftBook.Handover::note).orElse(null);
        actions.run(new SecuredActions.Command(Permission.WRITE_HANDOVER, HANDOVER, line + " " + report.period().key(),
                old, clean, null), () -> {
            if (clean.isEmpty()) {
                throw new Refused(texts.get("shift.handover.empty"));
            }
            book.handover(new ShiftBook.Handover(line, report.period().key(), report.period().start(), clean,
                    session.actor().userName(), clock.instant()));
            return null;
        });
        return texts.get("shift.handover.saved", line);
    }

    @Override
    public String signOff(ShiftReport report, String line, char[] password) throws Exception {
        ShiftReport.Line shown = report.lines().stream().filter(l -> l.name().equals(line)).findFirst().orElseThrow();
        String target = line + " " + report.period().key();
        actions.run(new SecuredActions.Command(Permission.SIGN_OFF_SHIFT, SIGN_OFF, target, null,
                "OEE " + format(report).percent(shown.oee().oee()), null), () -> {
            Instant now = clock.instant();
            if (now.isBefore(report.period().end())) {
                throw new Refused(texts.get("shift.signOff.running"));
            }
            Optional<ShiftBook.SignOff> before = book.signOff(line, report.period().key());
            if (before.isPresent()) {
                throw new Refused(texts.get("shift.signOff.already", before.get().user(),
                        format(report).dateTime(before.get().at())));
            }
            String user = session.actor().userName();
            if (password == null || password.length == 0 || user == null
                    || !(users.authenticate(user, password, REAUTHENTICATE, target) instanceof AuthResult.Success)) {
                throw new Refused(texts.get("shift.signOff.password"));
            }
            // The figures signed are those the supervisor was shown: what the snapshot freezes.
            if (!book.signOff(new ShiftBook.SignOff(line, report.period().key(), report.period().start(),
                    report.period().end(), user, now, SignedLineCodec.encode(shown)))) {
                throw new Refused(texts.get("shift.signOff.already", "?", ""));
            }
            return null;
        });
        return texts.get("shift.signedOff", line);
    }

    private ShiftFormat format(ShiftReport report) {
        return new ShiftFormat(texts.bundle(), report.period().zone()).withReasons(report.reasons());
    }
}
