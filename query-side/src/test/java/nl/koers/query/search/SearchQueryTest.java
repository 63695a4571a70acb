package nl.koers.query.search;

import nl.koers.platform.web.ApiProblem;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a search box may hold: a birth date in either form, a BSN or part of a name; anything else is 400. */
class SearchQueryTest {

    @Test
    void aBirthDateInEitherForm() {
        assertThat(SearchQuery.parse("2010-05-01").birthDate()).isEqualTo(LocalDate.of(2010, 5, 1));
        assertThat(SearchQuery.parse(" 01-05-2010 ").birthDate()).isEqualTo(LocalDate.of(2010, 5, 1));
        assertThatThrownBy(() -> SearchQuery.parse("31-02-2010")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("YYYY-MM-DD or DD-MM-YYYY");
    }

    @Test
    void aBsnMustPassTheElevenTestAndIsNeverShown() {
        SearchQuery bsn = SearchQuery.parse("111 222 333");
        assertThat(bsn.kind()).isEqualTo(SearchQuery.Kind.BSN);
        assertThat(bsn.bsn()).isEqualTo("111222333");
        assertThat(bsn.toString()).doesNotContain("111");
        assertThatThrownBy(() -> SearchQuery.parse("123456789")).isInstanceOf(ApiProblem.class)
                .hasMessageContaining("eleven test").hasMessageNotContaining("123456789");
    }

    @Test
    void partOfANameNeedsAtLeastTwoLetters() {
        assertThat(SearchQuery.parse("Öz Türk").words()).containsExactly("oz", "turk");
        assertThatThrownBy(() -> SearchQuery.parse("ö")).isInstanceOf(ApiProblem.class);
        assertThatThrownBy(() -> SearchQuery.parse("  ")).isInstanceOf(ApiProblem.class);
    }
}
