package io.lineside.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line: {@code [audit-verify] [--config FILE] [--data-dir DIR] [--lang en|zh-CN] [--help]}.
 *
 * @param command a command instead of the HMI ({@code audit-verify}), or empty
 * @param config  the workstation config file; absent for the demo
 * @param dataDir overrides the data directory
 * @param lang    overrides the UI language
 * @param help    print usage and exit
 */
record CommandLine(Optional<String> command, Optional<Path> config, Optional<Path> dataDir, Optional<String> lang,
                   boolean help) {

    static final String AUDIT_VERIFY = "audit-verify";

    static final String USAGE = """
            usage: lineside [audit-verify] [--config FILE] [--data-dir DIR] [--lang en|zh-CN]
              (no options)     demo: embedded broker + line simulator
              audit-verify     check the audit trail's hash chain of this station (HMI stopped) and exit:
                               0 intact, 1 broken (the first bad row is named), 2 unreadable
              --config FILE    connect to the broker named in FILE (YAML, see README)
              --data-dir DIR   keep history under DIR instead of the per-user data directory
              --lang TAG       UI language: en or zh-CN""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a one-line reason. */
    static CommandLine parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        Optional<String> lang = Optional.empty();
        boolean help = false;
        Optional<String> command = Optional.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case AUDIT_VERIFY -> {
                    if (i != 0) {
                        throw new IllegalArgumentException(AUDIT_VERIFY + " must come first");
                    }
                    command = Optional.of(arg);
                }
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
        return new CommandLine(command, config, dataDir, lang, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
