package io.lineside.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses a YAML (or JSON) configuration file into located {@link ConfigNode}s with Jackson's streaming parser: no
 * data binding, so nothing in a file can name a type to instantiate. One strictness for every file: duplicate keys,
 * YAML tags ({@code !!java.lang.Runtime}), anchors and aliases, more than one document and nesting deeper than
 * {@link #MAX_DEPTH} are refused, each with its line. Stateless; safe from any thread.
 */
public final class ConfigTree {

    public static final int MAX_DEPTH = 16;
    /** Files over this are refused before parsing. */
    public static final long MAX_FILE_BYTES = 1024 * 1024;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 4).build())
            .build();

    private ConfigTree() {
    }

    /** Reads {@code file}; its messages start with {@code kind} (e.g. {@code config}). Blocking file I/O. */
    public static ConfigNode read(String kind, Path file) throws ConfigException {
        return read(ConfigSource.of(kind, file), "");
    }

    /** Reads {@code source}'s file with the top level at key path {@code rootKey} (for a section in a file of its own). */
    public static ConfigNode read(ConfigSource source, String rootKey) throws ConfigException {
        Path file = source.path();
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw source.whole("file is larger than 1 MiB");
            }
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw source.whole("file not found");
        } catch (IOException e) {
            throw source.whole("cannot be read: " + e.getMessage());
        }
        return parse(source, rootKey, text);
    }

    /** Parses {@code text}; an empty document is an empty mapping. */
    public static ConfigNode parse(ConfigSource source, String rootKey, String text) throws ConfigException {
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                return new ConfigNode(source, rootKey, JsonToken.START_OBJECT, "", Map.of(), List.of(), 1);
            }
            ConfigNode root = node(source, parser, rootKey, 0, -1);
            if (parser.nextToken() != null) {
                throw invalid(source, parser, "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            int line = loc == null ? 0 : loc.getLineNr();
            String where = loc == null ? "" : " at line " + line + ", column " + loc.getColumnNr();
            throw new ConfigException(source.kind(), source.name(), line, "",
                    "not valid YAML" + where + ": " + oneLine(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw source.whole("cannot be read: " + e.getMessage());
        }
    }

    private static ConfigNode node(ConfigSource source, JsonParser parser, String key, int depth, int keyLine)
            throws IOException, ConfigException {
        guard(source, parser);
        int line = keyLine > 0 ? keyLine : parser.currentTokenLocation().getLineNr();
        JsonToken token = parser.currentToken();
        if (depth > MAX_DEPTH) {
            throw invalid(source, parser, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, ConfigNode> fields = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                guard(source, parser);
                String name = parser.currentName();
                int at = parser.currentTokenLocation().getLineNr();
                if (fields.containsKey(name)) {
                    throw invalid(source, parser, "duplicate key '" + ConfigNode.clip(name) + "' (first at line "
                            + fields.get(name).line() + ")");
                }
                parser.nextToken();
                fields.put(name, node(source, parser, ConfigNode.child(key, name), depth + 1, at));
            }
            return new ConfigNode(source, key, token, "", fields, List.of(), line);
        }
        if (token == JsonToken.START_ARRAY) {
            List<ConfigNode> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(source, parser, key + "[" + items.size() + "]", depth + 1, -1));
            }
            return new ConfigNode(source, key, token, "", Map.of(), items, line);
        }
        return new ConfigNode(source, key, token, parser.getText(), Map.of(), List.of(), line);
    }

    /** Refuses what YAML could use to name a type or expand a document: explicit tags, anchors, aliases. */
    private static void guard(ConfigSource source, JsonParser parser) throws IOException, ConfigException {
        if (!(parser instanceof YAMLParser yaml)) {
            return;
        }
        String tag = yaml.getTypeId();
        if (tag != null) {
            String shown = tag.startsWith("tag:yaml.org,2002:") ? "!!" + tag.substring(18) : tag;
            throw invalid(source, parser, "YAML tags such as " + ConfigNode.clip(shown)
                    + " are not allowed: configuration is data, never types or classes");
        }
        if (yaml.getObjectId() != null || yaml.isCurrentAlias()) {
            throw invalid(source, parser, "YAML anchors and aliases (& and *) are not allowed");
        }
    }

    /** The parser's message on one line (SnakeYAML's spans several, with a caret drawing), at most 300 characters. */
    private static String oneLine(String message) {
        String flat = message.replaceAll("\\s*\\R\\s*", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static ConfigException invalid(ConfigSource source, JsonParser parser, String problem) {
        JsonLocation loc = parser.currentTokenLocation();
        return new ConfigException(source.kind(), source.name(), loc.getLineNr(), "",
                "not valid YAML at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": " + problem);
    }
}
