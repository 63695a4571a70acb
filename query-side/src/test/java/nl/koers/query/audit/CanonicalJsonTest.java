package nl.koers.query.audit;

import nl.koers.platform.hashchain.CanonicalJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CanonicalJsonTest {

    @Test
    void sortsKeysAndDropsWhitespaceAtEveryDepth() {
        assertThat(CanonicalJson.canonicalize("{ \"b\" : [ 1 , {\"z\":true, \"a\":null} ],\n \"a\" : \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":[1,{\"a\":null,\"z\":true}]}");
    }

    @Test
    void keepsNumbersExactlyAsWritten() {
        assertThat(CanonicalJson.canonicalize("[1.0, -0, 1E+2, 12345678901234567890123, 0.1000]"))
                .isEqualTo("[1.0,-0,1E+2,12345678901234567890123,0.1000]");
    }

    @Test
    void escapesOnlyWhatJsonRequires() {
        assertThat(CanonicalJson.canonicalize("\"a\\/b \\u00e9 \\u0001 \\t \\\" \\\\ \u2028\""))
                .isEqualTo("\"a/b é \\u0001 \\t \\\" \\\\ \u2028\"");
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        assertThat(CanonicalJson.canonicalize("{\"é\":1,\"Z\":2,\"a\":3,\"_\":4}"))
                .isEqualTo("{\"Z\":2,\"_\":4,\"a\":3,\"é\":1}");
    }

    @Test
    void writesAnUnpairedSurrogateEscaped() {
        assertThat(CanonicalJson.canonicalize("\"\\ud800x\"")).isEqualTo("\"\\ud800x\"");
    }

    @Test
    void refusesDuplicateKeysTrailingDataAndBrokenJson() {
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":1,\"a\":2}")).hasMessageContaining("duplicate key");
        assertThatThrownBy(() -> CanonicalJson.parse("{} {}")).hasMessageContaining("more than one");
        assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":")).isInstanceOf(CanonicalJson.MalformedJson.class);
    }
}
