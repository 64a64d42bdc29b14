package io.lineside.bench;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command line of {@link Bench}: {@code [--quick [--sparkplug]] [--out FILE] [--only NAME,NAME]}.
 *
 * @param quick smoke sizes (seconds) instead of the full run (minutes)
 * @param out   markdown file whose generated block is replaced with the results, or null
 * @param only  scenario names (first word, e.g. "1", "ingest") to run; empty runs all
 * @param sparkplug with {@code --quick}, run scenario 1's Sparkplug rows too (a full run always has them); off by
 *                  default so the smoke test stays short, {@code SparkplugIngestTest} covers that code instead
 */
public record BenchOptions(boolean quick, Path out, Set<String> only, boolean sparkplug) {

    static final String USAGE = "usage: Bench [--quick [--sparkplug]] [--out docs/benchmarks.md] [--only 1,2,3,4,jmh]";

    public static BenchOptions parse(List<String> args) {
        boolean quick = false;
        boolean sparkplug = false;
        Path out = null;
        Set<String> only = new LinkedHashSet<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--quick" -> quick = true;
                case "--sparkplug" -> sparkplug = true;
                case "--out" -> out = Path.of(value(args, ++i, arg));
                case "--only" -> only.addAll(List.of(value(args, ++i, arg).split(",")));
                default -> throw new IllegalArgumentException("unknown option " + arg + "; " + USAGE);
            }
        }
        return new BenchOptions(quick, out, Set.copyOf(only), sparkplug);
    }

    /** True if the scenario called {@code name} ("2 pulse") is selected. */
    public boolean selects(String name) {
        return only.isEmpty() || only.stream().anyMatch(o -> List.of(name.split(" ")).contains(o));
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size() || args.get(i).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; " + USAGE);
        }
        return args.get(i);
    }
}
