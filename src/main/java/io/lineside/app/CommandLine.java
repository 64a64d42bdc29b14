package io.lineside.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The parsed command line: {@code [--config FILE] [--data-dir DIR] [--lang en|zh-CN] [--help]}.
 *
 * @param config  the workstation config file; absent for the demo
 * @param dataDir overrides the data directory
 * @param lang    overrides the UI language
 * @param help    print usage and exit
 */
record CommandLine(Optional<Path> config, Optional<Path> dataDir, Optional<String> lang, boolean help) {

    static final String USAGE = """
            usage: lineside [--config FILE] [--data-dir DIR] [--lang en|zh-CN]
              (no options)     demo: embedded broker + line simulator
              --config FILE    connect to the broker named in FILE (YAML, see README)
              --data-dir DIR   keep history under DIR instead of the per-user data directory
              --lang TAG       UI language: en or zh-CN""";

    /** Parses {@code args}; throws {@link IllegalArgumentException} with a one-line reason. */
    static CommandLine parse(List<String> args) {
        Optional<Path> config = Optional.empty();
        Optional<Path> dataDir = Optional.empty();
        Optional<String> lang = Optional.empty();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
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
        return new CommandLine(config, dataDir, lang, help);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
