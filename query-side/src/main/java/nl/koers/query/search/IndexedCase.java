package nl.koers.query.search;

import java.time.LocalDate;
import java.util.List;

/**
 * One trajectory as the search index holds it in memory: pseudonymous ids, where it is and who works on it (for
 * the caller's scope and the list filters), and what it is found by: the normalised words of the youth's names,
 * the birth date, and the BSN only as a keyed hash. Nothing of it is ever written anywhere.
 */
record IndexedCase(String trajectoryId, String youthId, String focusArea, String neighbourhood, String gemeente,
                   String phase, String caseworker, LocalDate openedOn, List<String> givenName,
                   List<String> familyName, LocalDate birthDate, String bsnHash) {

    IndexedCase withPlace(String toFocusArea, String toNeighbourhood, String toGemeente) {
        return new IndexedCase(trajectoryId, youthId, toFocusArea, toNeighbourhood, toGemeente, phase, caseworker,
                openedOn, givenName, familyName, birthDate, bsnHash);
    }

    IndexedCase withPhase(String newPhase) {
        return new IndexedCase(trajectoryId, youthId, focusArea, neighbourhood, gemeente, newPhase, caseworker,
                openedOn, givenName, familyName, birthDate, bsnHash);
    }

    IndexedCase withCaseworker(String newCaseworker) {
        return new IndexedCase(trajectoryId, youthId, focusArea, neighbourhood, gemeente, phase, newCaseworker,
                openedOn, givenName, familyName, birthDate, bsnHash);
    }

    @Override
    public String toString() {
        return "IndexedCase[" + trajectoryId + ", personal data hidden]";
    }
}
