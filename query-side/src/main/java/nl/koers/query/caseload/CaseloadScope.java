package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.platform.web.ApiProblem;
import nl.koers.query.casefile.CaseFile;

import java.util.ArrayList;
import java.util.List;

/** Where a caseload is counted: one CBS wijk, one focus area or one municipality; each has its counter document. */
public record CaseloadScope(Kind kind, String code) {

    public enum Kind {
        NEIGHBOURHOOD(CaseFile.WIJK_SCOPE), FOCUS_AREA("fa:"), GEMEENTE("gm:");

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

    /** Exactly one of the three given, known in the reference data (400 otherwise). */
    public static CaseloadScope of(String neighbourhood, String focusArea, String gemeente) {
        List<CaseloadScope> given = new ArrayList<>();
        ReferenceData reference = ReferenceData.get();
        if (neighbourhood != null) {
            if (reference.wijk(neighbourhood).isEmpty()) {
                throw ApiProblem.invalid("neighbourhood",
                        "is not a CBS 2024 wijk code of the programme's municipalities");
            }
            given.add(neighbourhood(neighbourhood));
        }
        if (focusArea != null) {
            if (reference.focusArea(focusArea).isEmpty()) {
                throw ApiProblem.invalid("focusArea", "is not a focus area");
            }
            given.add(focusArea(focusArea));
        }
        if (gemeente != null) {
            if (reference.wijkenOfGemeente(gemeente).isEmpty()) {
                throw ApiProblem.invalid("gemeente", "is not a municipality of the programme (GMxxxx)");
            }
            given.add(gemeente(gemeente));
        }
        if (given.size() != 1) {
            throw ApiProblem.badRequest("Give exactly one of neighbourhood, focusArea or gemeente.");
        }
        return given.get(0);
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
