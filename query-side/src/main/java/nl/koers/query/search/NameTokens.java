package nl.koers.query.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as search compares them: NFKC, case folded, diacritics and invisible characters removed, letters without a
 * decomposition spelt out ({@code ø} → o, {@code æ} → ae), then split into words. So {@code ozturk} finds
 * Öztürk, {@code dijkstra} finds DIJKSTRA and a zero-width space typed by accident changes nothing.
 */
public final class NameTokens {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\p{Cf}\\p{Cc}]+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameTokens() {
    }

    /** The comparable form of a text: lower case ASCII-like letters and digits, words separated by one space. */
    public static String normalise(String text) {
        String compatible = Normalizer.normalize(text, Normalizer.Form.NFKC);
        String visible = INVISIBLE.matcher(compatible).replaceAll("");
        // upper then lower folds more than lower alone (ß → SS → ss)
        String folded = visible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        String bare = MARKS.matcher(Normalizer.normalize(folded, Normalizer.Form.NFD)).replaceAll("");
        return spellOut(bare).strip();
    }

    /** The words of a text, normalised; empty for a text without letters or digits. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String word : SEPARATORS.split(normalise(text))) {
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    /**
     * What a name is found by: its words and, for a name of several words, the words written together, so
     * {@code devries} finds "de Vries" and {@code el amrani} finds "El-Amrani".
     */
    public static List<String> of(String name) {
        List<String> tokens = words(name);
        if (tokens.size() > 1) {
            tokens.add(String.join("", tokens));
        }
        return List.copyOf(tokens);
    }

    private static String spellOut(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'ø' -> out.append('o');
                case 'æ' -> out.append("ae");
                case 'œ' -> out.append("oe");
                case 'ł' -> out.append('l');
                case 'đ', 'ð' -> out.append('d');
                case 'þ' -> out.append("th");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
