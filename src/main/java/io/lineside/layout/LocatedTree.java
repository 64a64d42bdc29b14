package io.lineside.layout;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses YAML (or JSON, a subset) into {@link Located} nodes with the streaming parser: no data binding, so nothing
 * in the file can name a type to instantiate. Refuses YAML tags ({@code !!java.lang.Runtime}, {@code !foo}),
 * anchors and aliases, duplicate keys and nesting deeper than {@link #MAX_DEPTH}, each with its line and column.
 * Stateless; safe from any thread.
 */
final class LocatedTree {

    static final int MAX_DEPTH = 16;

    private final YAMLFactory factory = YAMLFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 4).build())
            .build();

    Located parse(String source, String text) throws LayoutException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new LayoutException(source, 0, 0, "the file is empty");
            }
            Located root = node(source, parser, 0);
            if (parser.nextToken() != null) {
                throw at(source, parser, "only one YAML document is allowed");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            throw new LayoutException(source, loc == null ? 0 : loc.getLineNr(), loc == null ? 0 : loc.getColumnNr(),
                    "not valid YAML: " + Located.clip(String.valueOf(e.getOriginalMessage())));
        } catch (IOException e) {
            throw new LayoutException(source, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private Located node(String source, JsonParser parser, int depth) throws IOException, LayoutException {
        guard(source, parser);
        JsonLocation loc = parser.currentTokenLocation();
        int line = loc.getLineNr();
        int column = loc.getColumnNr();
        JsonToken token = parser.currentToken();
        if (depth > MAX_DEPTH) {
            throw at(source, parser, "nested deeper than " + MAX_DEPTH + " levels");
        }
        if (token == JsonToken.START_OBJECT) {
            Map<String, Located> fields = new LinkedHashMap<>();
            Map<String, int[]> keys = new LinkedHashMap<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                guard(source, parser);
                String key = parser.currentName();
                JsonLocation keyAt = parser.currentTokenLocation();
                if (fields.containsKey(key)) {
                    throw at(source, parser, "duplicate key '" + Located.clip(key) + "' (first at line "
                            + keys.get(key)[0] + ")");
                }
                parser.nextToken();
                keys.put(key, new int[] {keyAt.getLineNr(), keyAt.getColumnNr()});
                fields.put(key, node(source, parser, depth + 1));
            }
            return new Located(token, "", fields, keys, List.of(), line, column);
        }
        if (token == JsonToken.START_ARRAY) {
            List<Located> items = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                items.add(node(source, parser, depth + 1));
            }
            return new Located(token, "", Map.of(), Map.of(), items, line, column);
        }
        return new Located(token, parser.getText(), Map.of(), Map.of(), List.of(), line, column);
    }

    /** Refuses what YAML could use to name a type or expand a document: explicit tags, anchors, aliases. */
    private static void guard(String source, JsonParser parser) throws IOException, LayoutException {
        if (!(parser instanceof YAMLParser yaml)) {
            return;
        }
        String tag = yaml.getTypeId();
        if (tag != null) {
            throw at(source, parser, "YAML tags such as !!" + Located.clip(tag)
                    + " are not allowed: a layout names symbol kinds, never types or classes");
        }
        if (yaml.getObjectId() != null || yaml.isCurrentAlias()) {
            throw at(source, parser, "YAML anchors and aliases (& and *) are not allowed in a layout");
        }
    }

    private static LayoutException at(String source, JsonParser parser, String problem) {
        JsonLocation loc = parser.currentTokenLocation();
        return new LayoutException(source, loc.getLineNr(), loc.getColumnNr(), problem);
    }
}
