package nl.koers.query.search;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Names compare without case, accents, diacritics or invisible characters. */
class NameTokensTest {

    @Test
    void accentsDiacriticsAndCaseAreIgnored() {
        assertThat(NameTokens.normalise("Öztürk")).isEqualTo("ozturk");
        assertThat(NameTokens.normalise("ZOË")).isEqualTo("zoe");
        assertThat(NameTokens.normalise("Straße")).isEqualTo("strasse");
        assertThat(NameTokens.normalise("Łukasz Ørsted")).isEqualTo("lukasz orsted");
        assertThat(NameTokens.normalise("Işık")).isEqualTo("isik");
    }

    @Test
    void compatibilityFormsAndInvisibleCharactersMakeNoDifference() {
        assertThat(NameTokens.normalise("Ｊａｎｓｅｎ")).isEqualTo("jansen");
        assertThat(NameTokens.normalise("Jan\u200Bsen\u00AD")).isEqualTo("jansen");
    }

    @Test
    void aNameIsFoundByItsWordsAndByThemWrittenTogether() {
        assertThat(NameTokens.of("de Vries")).containsExactly("de", "vries", "devries");
        assertThat(NameTokens.of("El-Amrani")).containsExactly("el", "amrani", "elamrani");
        assertThat(NameTokens.of("Bakker")).containsExactly("bakker");
    }
}
