package dev.kubeward.engine.rules.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.engine.rule.FixPath;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags a container passes to its binary, read the way Go's flag parsers (pflag, and the standard
 * {@code flag} package that etcd uses) read them: {@code command[0]} is the executable, then every entry of
 * {@code command} and of {@code args} in order; {@code --flag=value}, {@code --flag value} and a bare
 * {@code --flag} (a boolean set to true); one or two leading dashes; {@code --} ends the flags. Each entry is one
 * argument, as the kubelet passes it to exec — an entry is never split on spaces.
 *
 * <p>Kubeadm puts the flags in {@code command}; RKE2 and k3s keep {@code command: [binary]} and pass them in
 * {@code args}, so every occurrence carries the path of its own entry ({@code spec.containers[0].args[3]}).
 */
final class CommandLine {

    /** One entry of {@code command} or {@code args} with the path that points at it. */
    record Arg(String text, String path) {
    }

    /**
     * One occurrence of a flag. {@code inline} is the value after {@code =} (null when the flag is bare);
     * {@code next} is the entry after a bare flag that does not look like a flag — its value when the flag
     * takes one ({@code --bind-address 0.0.0.0}), a stray argument when it is a boolean.
     */
    record Flag(String name, Arg at, String inline, Arg next) {

        /** The value of a flag that takes one: inline, else the following entry, else empty. */
        String value() {
            if (inline != null) return inline;
            return next == null ? "" : next.text();
        }

        /** The value as a message shows it. */
        String shown() {
            return value().isEmpty() ? "empty" : value();
        }

        /** The value of a boolean flag: a bare flag means true (Go's boolean flags never take the next entry). */
        Optional<Boolean> booleanValue() {
            return inline == null ? Optional.of(true) : parseBool(inline);
        }

        /** The items of a list flag ({@code a,b,c}), blanks dropped. */
        List<String> items() {
            return splitList(value());
        }

        /** Where to write a new value and what to write, keeping the form the flag was written in. */
        FixPath fix(String newValue) {
            if (inline == null && next != null) return new FixPath(next.path(), newValue);
            return rewrite(newValue);
        }

        /** The flag's own entry rewritten as {@code --name=value}: the fix for a boolean flag. */
        FixPath rewrite(String newValue) {
            return new FixPath(at.path(), "--" + name + "=" + newValue);
        }

        /** The entries to delete to remove this flag: the flag, and its separate value if it has one. */
        List<String> entries() {
            return inline == null && next != null ? List.of(at.path(), next.path()) : List.of(at.path());
        }
    }

    private final List<Flag> flags;
    private final String executable;
    private final String appendBase;
    private final int appendFrom;

    private CommandLine(List<Flag> flags, String executable, String appendBase, int appendFrom) {
        this.flags = List.copyOf(flags);
        this.executable = executable;
        this.appendBase = appendBase;
        this.appendFrom = appendFrom;
    }

    /** Parses a container's {@code command} and {@code args}; {@code containerPath} prefixes every path. */
    static CommandLine of(JsonNode container, String containerPath) {
        JsonNode command = container.path("command");
        JsonNode args = container.path("args");
        List<Arg> entries = new ArrayList<>();
        for (int i = 1; i < command.size(); i++) entries.add(new Arg(command.get(i).asText(), containerPath + ".command[" + i + "]"));
        for (int i = 0; i < args.size(); i++) entries.add(new Arg(args.get(i).asText(), containerPath + ".args[" + i + "]"));
        String executable = command.size() > 0 ? command.get(0).asText("") : "";
        // New flags go where the container already keeps its flags: after the args when it has any.
        boolean useArgs = args.size() > 0;
        return new CommandLine(parse(entries), executable,
                containerPath + (useArgs ? ".args" : ".command"), useArgs ? args.size() : command.size());
    }

    private static List<Flag> parse(List<Arg> entries) {
        List<Flag> out = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Arg arg = entries.get(i);
            String text = arg.text();
            if (text.equals("--")) break;
            if (!text.startsWith("-") || text.equals("-")) continue;
            String body = text.startsWith("--") ? text.substring(2) : text.substring(1);
            int eq = body.indexOf('=');
            if (eq == 0 || body.isEmpty()) continue;
            if (eq > 0) {
                out.add(new Flag(body.substring(0, eq), arg, body.substring(eq + 1), null));
            } else {
                Arg next = i + 1 < entries.size() && !entries.get(i + 1).text().startsWith("-") ? entries.get(i + 1) : null;
                out.add(new Flag(body, arg, null, next));
            }
        }
        return out;
    }

    /** The executable's file name: the first word of {@code command[0]}, without its directory. */
    String executable() {
        String first = executable.strip().split("\\s+", 2)[0];
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** Every occurrence of a flag, in order. */
    List<Flag> all(String name) {
        return flags.stream().filter(f -> f.name().equals(name)).toList();
    }

    /** The occurrence that takes effect: for a single-valued flag, the last one wins. */
    Optional<Flag> last(String name) {
        List<Flag> all = all(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    boolean has(String name) {
        return !all(name).isEmpty();
    }

    /** The items of a list flag over all its occurrences: pflag's string slices append when repeated. */
    List<String> items(String name) {
        return all(name).stream().flatMap(f -> f.items().stream()).distinct().toList();
    }

    /** One key of a map flag, its value and the occurrence that set it. */
    record MapItem(String value, Flag setBy) {
    }

    /**
     * A map flag such as {@code --feature-gates=A=true,B=false}: keys to values over all occurrences, later
     * ones overriding earlier ones.
     */
    Map<String, MapItem> mapItems(String name) {
        Map<String, MapItem> out = new LinkedHashMap<>();
        for (Flag f : all(name)) {
            for (String item : f.items()) {
                int eq = item.indexOf('=');
                String key = eq < 0 ? item : item.substring(0, eq).strip();
                out.put(key, new MapItem(eq < 0 ? "" : item.substring(eq + 1).strip(), f));
            }
        }
        return out;
    }

    /** Path of the k-th entry to add (0-based) at the end of the array that holds the flags. */
    String appendPath(int k) {
        return appendBase + "[" + (appendFrom + k) + "]";
    }

    static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Go's {@code strconv.ParseBool}. */
    static Optional<Boolean> parseBool(String s) {
        return switch (s) {
            case "1", "t", "T", "true", "TRUE", "True" -> Optional.of(true);
            case "0", "f", "F", "false", "FALSE", "False" -> Optional.of(false);
            default -> Optional.empty();
        };
    }
}
