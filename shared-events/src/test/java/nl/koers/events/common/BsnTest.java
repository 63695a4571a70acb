package nl.koers.events.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The eleven test of the BSN, and that a BSN never shows itself in a log line. */
class BsnTest {

    @Test
    void aNumberThatPassesTheElevenTestIsABsn() {
        // 9×1 + 8×1 + 7×1 + 6×2 + 5×2 + 4×2 + 3×3 + 2×3 = 69, and 69 − 3 = 66 = 6 × 11
        assertThat(Bsn.valid("111222333")).isTrue();
        assertThat(Bsn.valid(" 111222333 ")).isTrue();
        assertThat(Bsn.of(" 111222333 ").value()).isEqualTo("111222333");
    }

    @Test
    void otherNumbersAreNot() {
        assertThat(Bsn.valid("111222334")).isFalse();
        assertThat(Bsn.valid("11122233")).isFalse();
        assertThat(Bsn.valid("11122233a")).isFalse();
        assertThat(Bsn.valid("000000000")).isFalse();
        assertThat(Bsn.valid(null)).isFalse();
        assertThatThrownBy(() -> Bsn.of("123456789")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("123456789");
    }

    @Test
    void eightDigitsAreCompletedWithTheirCheckDigitWhenOneExists() {
        assertThat(Bsn.completing("11122233")).map(Bsn::value).contains("111222333");
        // 9×1 + 8×0 … + 2×0 = 9 ≠ 10, check digit 9; 9×0 + 8×0 + … + 3×0 + 2×5 = 10: no digit makes it pass
        assertThat(Bsn.completing("10000000")).map(Bsn::value).contains("100000009");
        assertThat(Bsn.completing("00000005")).isEmpty();
    }

    @Test
    void itNeverShowsItselfInText() {
        assertThat(Bsn.of("111222333").toString()).doesNotContain("111222333");
    }
}
