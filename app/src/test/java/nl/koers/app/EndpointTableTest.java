package nl.koers.app;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What {@link ApiDocumentTest} counts as a row of the endpoints table, and what it leaves alone. */
class EndpointTableTest {

    @Test
    void readsMethodAndPathOfTheRowsUnderTheEndpointsHeadingOnly() {
        String markdown = """
                # Koers

                | method | path | roles |
                |---|---|---|
                | `GET` | `/api/before` | not in the section |

                ## Endpoints

                ### Recording

                | method | path | roles |
                |---|---|---|
                | `POST` | `/api/trajectories/{id}/close` | youth worker |

                | method | path | roles |
                |---|---|---|
                | delete | /api/admin/dead-letters | administrator |

                ## Planned (open issues)

                | `GET` | `/api/worklist` | not built yet |
                """;

        assertThat(EndpointTable.rows(markdown))
                .containsExactly("POST /api/trajectories/{id}/close", "DELETE /api/admin/dead-letters");
    }

    @Test
    void aDocumentWithoutTheSectionIsAnError() {
        assertThatThrownBy(() -> EndpointTable.rows("# Koers\n\n| `GET` | `/api/x` |\n"))
                .hasMessageContaining("## Endpoints");
    }
}
