package nl.koers.query.reference;

import nl.koers.events.reference.Buurt;
import nl.koers.events.reference.CatalogueEntry;
import nl.koers.events.reference.FocusArea;
import nl.koers.events.reference.ReferenceData;
import nl.koers.events.reference.Wijk;
import nl.koers.platform.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reference data for every signed-in user: the NPLV focus areas, the CBS 2024 wijken (with their buurten) of the
 * programme's municipalities, and the catalogues with Dutch and English labels.
 */
@RestController
@RequestMapping("/api/reference")
public class ReferenceController {
    private final Map<String, List<Buurt>> buurtenPerWijk = ReferenceData.get().buurten().stream()
            .collect(Collectors.groupingBy(b -> b.wijk().value(), LinkedHashMap::new, Collectors.toList()));

    @GetMapping("/focus-areas")
    public List<Map<String, Object>> focusAreas() {
        return ReferenceData.get().focusAreas().stream().map(ReferenceController::focusArea).toList();
    }

    /** All wijken, or those of one municipality ({@code GMxxxx}; 400 when it is not a programme municipality). */
    @GetMapping("/neighbourhoods")
    public List<Map<String, Object>> neighbourhoods(@RequestParam(required = false) String gemeente) {
        List<Wijk> wijken = gemeente == null ? ReferenceData.get().wijken()
                : ReferenceData.get().wijkenOfGemeente(gemeente);
        if (gemeente != null && wijken.isEmpty()) {
            throw ApiProblem.invalid("gemeente", "is not a municipality of the programme (GMxxxx)");
        }
        return wijken.stream().map(this::wijk).toList();
    }

    /** Catalogue name → entries; names in camel case ({@code intervention-types} → {@code interventionTypes}). */
    @GetMapping("/catalogues")
    public Map<String, List<Map<String, Object>>> catalogues() {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        ReferenceData.get().catalogues().forEach((name, entries) ->
                out.put(camelCase(name), entries.stream().map(ReferenceController::entry).toList()));
        return out;
    }

    private static Map<String, Object> focusArea(FocusArea area) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", area.code().value());
        out.put("name", area.name());
        out.put("gemeenteCode", area.gemeenteCode());
        out.put("gemeenteName", area.gemeenteName());
        out.put("wijken", area.wijken().stream().map(w -> w.value()).toList());
        out.put("mapping", area.mapping());
        out.put("validFrom", area.validFrom() == null ? null : area.validFrom().toString());
        out.put("validUntil", area.validUntil() == null ? null : area.validUntil().toString());
        return out;
    }

    private Map<String, Object> wijk(Wijk wijk) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", wijk.code().value());
        out.put("year", nl.koers.events.common.CbsWijkCode.YEAR);
        out.put("name", wijk.name());
        out.put("gemeenteCode", wijk.gemeenteCode());
        out.put("gemeenteName", wijk.gemeenteName());
        out.put("inhabitants", wijk.inhabitants());
        out.put("focusArea", wijk.focusArea() == null ? null : wijk.focusArea().value());
        out.put("buurten", buurtenPerWijk.getOrDefault(wijk.code().value(), List.of()).stream()
                .map(b -> Map.of("code", b.code(), "name", b.name())).toList());
        return out;
    }

    private static Map<String, Object> entry(CatalogueEntry entry) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("code", entry.code());
        out.put("labelNl", entry.labelNl());
        out.put("labelEn", entry.labelEn());
        return out;
    }

    static String camelCase(String kebab) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
