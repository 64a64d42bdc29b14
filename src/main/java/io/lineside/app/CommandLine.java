package io.lineside.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: {@code [COMMAND] [--config FILE] [--data-dir DIR] [--lang en|zh-CN] [--help]} plus the
 * options of {@code export} and {@code diagnose} (see {@link #USAGE}).
 *
 * @param command a command instead of the HMI ({@code audit-verify}, {@code record}, {@code export},
 *                {@code diagnose}), or empty
 * @param config  the workstation config file; absent for the demo
 * @param dataDir overrides the data directory
 * @param lang    overrides the UI language
 * @param help    print usage and exit
 */
record CommandLine(Optional<String> command, Optional<Path> config, Optional<Path> dataDir, Optional<String> lang,
                   boolean help, Export export, Optional<Path> out) {

    /**
     * What {@code export} was asked for, as typed; {@link ExportCommand} interprets the times.
     *
     * @param tags  tag paths ({@code site/area/line/station/signal}); empty for every tag
     * @param from  start of the range (ISO date-time, local or with offset), or empty
     * @param to    end of the range, or empty
     * @param shift {@code YYYY-MM-DD/HH:MM-HH:MM} or {@code YYYY-MM-DD/SHIFT} (station calendar), or empty
     */
    record Export(List<String> tags, Optional<String> from, Optional<String> to, Optional<String> shift) {
        static final Export NONE = new Export(List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static final String AUDIT_VERIFY = "audit-verify";
    static final String RECORD = "record";
    static final String EXPORT = "export";
    static final String DIAGNOSE = "diagnose";
    private static final Set<String> COMMANDS = Set.of(AUDIT_VERIFY, RECORD, EXPORT, DIAGNOSE);

    static final String USAGE = """
            usage: lineside [audit-verify|record|export|diagnose] [--config FILE] [--data-dir DIR] [--lang en|zh-CN]
              (no options)     demo: embedded broker + line simulator; an installed station uses
                               /etc/lineside/station.yaml when it exists (see README)
              audit-verify     check the audit trail's hash chain of this station (HMI stopped) and exit:
                               0 intact, 1 broken (the first bad row is named), 2 unreadable
              record           ingest and write history without the UI until SIGTERM (the recorder service)
              export [--tag PATH]... (--from T --to T | --shift DAY/HH:MM-HH:MM | --shift DAY/NAME) [--out FILE]
                               samples as CSV (stdout without --out); T is 2026-11-26T06:00 (station time)
                               or 2026-11-26T06:00:00Z; DAY/NAME uses the station's shift calendar;
                               a shift ending before it starts ends the next day
              diagnose [--out FILE]
                               write a support bundle (zip): versions, config without secrets, history
                               stats, recent logs
              --config FILE    connect to the broker named in FILE (YAML, see README)
              --data-dir DIR   keep history under DIR instead of the per-user data directory
              --lang TAG       UI language: en or zh-CN
              --kiosk          full screen; only an engineer's sign-in closes the window""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a one-line reason. */
    static CommandLine parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        Optional<String> lang = Optional.empty();
        boolean help = false;
        Optional<String> command = Optional.empty();
        List<String> tags = new ArrayList<>();
        Optional<String> from = Optional.empty();
        Optional<String> to = Optional.empty();
        Optional<String> shift = Optional.empty();
        Optional<Path> out = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (COMMANDS.contains(arg)) {
                if (i != 0) {
                    throw new IllegalArgumentException(arg + " must come first");
                }
                command = Optional.of(arg);
                continue;
            }
            if (Set.of("--tag", "--from", "--to", "--shift").contains(arg) && !command.equals(Optional.of(EXPORT))) {
                throw new IllegalArgumentException(arg + " belongs to the export command");
            }
            if (arg.equals("--out") && !command.equals(Optional.of(EXPORT)) && !command.equals(Optional.of(DIAGNOSE))) {
                throw new IllegalArgumentException("--out belongs to the export and diagnose commands");
            }
            switch (arg) {
                case "--tag" -> tags.add(value(args, ++i, arg));
                case "--from" -> from = Optional.of(value(args, ++i, arg));
                case "--to" -> to = Optional.of(value(args, ++i, arg));
                case "--shift" -> shift = Optional.of(value(args, ++i, arg));
                case "--out" -> out = Optional.of(Path.of(value(args, ++i, arg)));
                case "--config" -> config = Optional.of(Path.of(value(args, ++i, arg)));
                case "--data-dir" -> dataDir = Optional.of(Path.of(value(args, ++i, arg)));
                case "--lang" -> {
                    String tag = value(args, ++i, arg);
                    if (!tag.equals("en") && !tag.equals("zh-CN")) {
                        throw new IllegalArgumentException("--lang expects en or zh-CN, found \"" + tag + "\"");
                    }
                    lang = Optional.of(tag);
                }
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option \"" + arg + "\"");
            }
        }
        if (command.equals(Optional.of(EXPORT)) && !help) {
            if (shift.isPresent() == (from.isPresent() || to.isPresent())) {
                throw new IllegalArgumentException("export needs either --from and --to, or --shift");
            }
            if (shift.isEmpty() && (from.isEmpty() || to.isEmpty())) {
                throw new IllegalArgumentException("export needs both --from and --to");
            }
        }
        return new CommandLine(command, config, dataDir, lang, help, new Export(List.copyOf(tags), from, to, shift), out);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
