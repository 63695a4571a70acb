package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;

import java.util.List;

/** Where a caseload is counted: one CBS wijk, one focus area or one municipality; each has its counter document. */
public record CaseloadScope(Kind kind, String code) {

    public enum Kind {
        NEIGHBOURHOOD("wijk:"), FOCUS_AREA("fa:"), GEMEENTE("gm:");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }
    }

    public static CaseloadScope neighbourhood(String wijk) {
        return new CaseloadScope(Kind.NEIGHBOURHOOD, wijk);
    }

    public static CaseloadScope focusArea(String focusArea) {
        return new CaseloadScope(Kind.FOCUS_AREA, focusArea);
    }

    public static CaseloadScope gemeente(String gemeente) {
        return new CaseloadScope(Kind.GEMEENTE, gemeente);
    }

    /** The {@code _id} of this scope's counter document. */
    public String counterId() {
        return kind.prefix + code;
    }

    /** The wijken this scope shows one by one, from the reference data. */
    List<String> wijken() {
        ReferenceData reference = ReferenceData.get();
        return switch (kind) {
            case NEIGHBOURHOOD -> List.of(code);
            case FOCUS_AREA -> reference.focusArea(code).map(area -> area.wijken().stream()
                    .map(w -> w.value()).toList()).orElse(List.of());
            case GEMEENTE -> reference.wijkenOfGemeente(code).stream().map(Wijk::code).map(c -> c.value()).toList();
        };
    }
}
