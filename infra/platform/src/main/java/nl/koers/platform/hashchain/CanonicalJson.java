package nl.koers.platform.hashchain;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON form that the audit hash chain is computed over (query-side/.../audit/README.md is the full
 * specification, so that a verifier in any language reproduces it byte for byte):
 * <ul>
 * <li>no whitespace outside strings;</li>
 * <li>object keys sorted by UTF-16 code units (as {@link String#compareTo}); a duplicate key is an error;</li>
 * <li>numbers exactly as written in the input (no re-formatting: {@code 1.0} stays {@code 1.0});</li>
 * <li>strings UTF-8, escaping only {@code "} and {@code \}, {@code \b \f \n \r \t} for those controls, every
 * other character below U+0020 and every unpaired surrogate as {@code \}{@code u} with four lowercase hex digits;
 * all else literal;</li>
 * <li>{@code true}, {@code false}, {@code null} as such.</li>
 * </ul>
 * Parsed values are {@link Map} (sorted), {@link List}, {@link String}, {@link Number} (a {@link RawNumber}),
 * {@link Boolean} or {@code null}.
 */
public final class CanonicalJson {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /** A JSON number kept as the text it was written with. */
    public record RawNumber(String text) {
        public long longValue() {
            return Long.parseLong(text);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** Raised for input that is not one well-formed JSON value. */
    public static class MalformedJson extends RuntimeException {
        public MalformedJson(String message) {
            super(message);
        }
    }

    /** The canonical form of a JSON text. */
    public static String canonicalize(String json) {
        return write(parse(json));
    }

    /** The canonical form of UTF-8 JSON bytes. */
    public static String canonicalize(byte[] json) {
        return write(parse(json));
    }

    public static Object parse(String json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return parseWhole(parser);
        } catch (IOException e) {
            throw new MalformedJson(describe(e));
        }
    }

    public static Object parse(byte[] json) {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return parseWhole(parser);
        } catch (IOException e) {
            throw new MalformedJson(describe(e));
        }
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        int newline = message == null ? -1 : message.indexOf('\n');
        return "not valid JSON: " + (newline < 0 ? message : message.substring(0, newline));
    }

    private static Object parseWhole(JsonParser parser) throws IOException {
        if (parser.nextToken() == null) {
            throw new MalformedJson("empty input");
        }
        Object value = read(parser);
        if (parser.nextToken() != null) {
            throw new MalformedJson("more than one JSON value");
        }
        return value;
    }

    private static Object read(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT -> {
                Map<String, Object> object = new TreeMap<>();
                while (parser.nextToken() != JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    parser.nextToken();
                    Object value = read(parser);
                    if (object.containsKey(key)) {
                        throw new MalformedJson("duplicate key \"" + key + "\"");
                    }
                    object.put(key, value);
                }
                return object;
            }
            case START_ARRAY -> {
                List<Object> array = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(read(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new RawNumber(parser.getText());
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new MalformedJson("unexpected " + token);
        }
    }

    /** Writes a parsed value (or plain Java maps, lists, strings, numbers, booleans) canonically. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(value, out);
        return out.toString();
    }

    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            writeString(s, out);
        } else if (value instanceof RawNumber n) {
            out.append(n.text());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.append(value);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put((String) k, v));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeString(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a JSON value: " + value.getClass().getSimpleName());
        }
    }

    public static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || unpairedSurrogate(s, i)) {
                        out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf])
                                .append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean unpairedSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
