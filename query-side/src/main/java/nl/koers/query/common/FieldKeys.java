package nl.koers.query.common;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Free values (a caseworker's user name) used as MongoDB field names must not contain {@code .} or start with
 * {@code $}; they are percent-encoded for storage and decoded for answers.
 */
public final class FieldKeys {
    private FieldKeys() {
    }

    public static String encode(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '%' -> out.append("%25");
                case '.' -> out.append("%2E");
                case '$' -> out.append("%24");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    public static String decode(String key) {
        return URLDecoder.decode(key.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
