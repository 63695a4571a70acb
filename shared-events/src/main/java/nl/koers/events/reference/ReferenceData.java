package nl.koers.events.reference;

import nl.koers.events.common.CbsWijkCode;
import nl.koers.events.common.FocusAreaCode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The CBS 2024 districts and neighbourhoods of the 19 programme municipalities, the 20 NPLV focus areas and
 * the catalogues, loaded once from the CSV files on the class path. Immutable; safe to share.
 */
public final class ReferenceData {
    /** The field problem when a code is not a district of {@link #wijken()}: the same words on both sides. */
    public static final String NOT_A_PROGRAMME_WIJK = "is not a CBS 2024 wijk code of the programme's municipalities";
    /** The programme's focus areas were announced in July 2022. */
    static final LocalDate FOCUS_AREAS_VALID_FROM = LocalDate.of(2022, 7, 1);

    private static volatile ReferenceData instance;

    private final Map<CbsWijkCode, Wijk> wijken;
    private final List<Buurt> buurten;
    private final Map<FocusAreaCode, FocusArea> focusAreas;
    private final Map<String, List<CatalogueEntry>> catalogues;

    private ReferenceData() {
        this.focusAreas = Collections.unmodifiableMap(readFocusAreas());
        Map<CbsWijkCode, FocusAreaCode> areaOfWijk = new LinkedHashMap<>();
        focusAreas.values().forEach(area -> area.wijken().forEach(w -> areaOfWijk.put(w, area.code())));
        this.wijken = Collections.unmodifiableMap(read("cbs-wijken-2024.csv").stream()
                .map(row -> {
                    CbsWijkCode code = new CbsWijkCode(row.get(0));
                    return new Wijk(code, row.get(1), row.get(2), row.get(3), Integer.parseInt(row.get(4)),
                            areaOfWijk.get(code));
                })
                .collect(Collectors.toMap(Wijk::code, Function.identity(), (a, b) -> a, LinkedHashMap::new)));
        this.buurten = read("cbs-buurten-2024.csv").stream()
                .map(row -> new Buurt(row.get(0), row.get(1), new CbsWijkCode(row.get(2)), row.get(3), row.get(4)))
                .toList();
        this.catalogues = Collections.unmodifiableMap(read("catalogues.csv").stream()
                .collect(Collectors.groupingBy(row -> row.get(0), LinkedHashMap::new,
                        Collectors.mapping(row -> new CatalogueEntry(row.get(1), row.get(2), row.get(3)),
                                Collectors.toUnmodifiableList()))));
    }

    public static ReferenceData get() {
        ReferenceData local = instance;
        if (local == null) {
            synchronized (ReferenceData.class) {
                local = instance;
                if (local == null) {
                    local = new ReferenceData();
                    instance = local;
                }
            }
        }
        return local;
    }

    public Optional<Wijk> wijk(CbsWijkCode code) {
        return Optional.ofNullable(wijken.get(code));
    }

    /** The district with this code; empty for a code that is unknown or not even well-formed. */
    public Optional<Wijk> wijk(String code) {
        return lookUp(code, CbsWijkCode::new, wijken);
    }

    public List<Wijk> wijken() {
        return List.copyOf(wijken.values());
    }

    public List<Wijk> wijkenOfGemeente(String gemeenteCode) {
        return wijken.values().stream().filter(w -> w.gemeenteCode().equals(gemeenteCode)).toList();
    }

    public List<Buurt> buurten() {
        return buurten;
    }

    public Optional<FocusArea> focusArea(FocusAreaCode code) {
        return Optional.ofNullable(focusAreas.get(code));
    }

    public Optional<FocusArea> focusArea(String code) {
        return lookUp(code, FocusAreaCode::new, focusAreas);
    }

    public List<FocusArea> focusAreas() {
        return List.copyOf(focusAreas.values());
    }

    /** Catalogue names: those of {@link Catalogue}. */
    public List<CatalogueEntry> catalogue(String name) {
        return catalogues.getOrDefault(name, List.of());
    }

    public Map<String, List<CatalogueEntry>> catalogues() {
        return catalogues;
    }

    public boolean inCatalogue(String name, String code) {
        return catalogue(name).stream().anyMatch(e -> e.code().equals(code));
    }

    private static <C, T> Optional<T> lookUp(String code, Function<String, C> parse, Map<C, T> byCode) {
        try {
            return Optional.ofNullable(byCode.get(parse.apply(code)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private Map<FocusAreaCode, FocusArea> readFocusAreas() {
        Map<FocusAreaCode, FocusArea> areas = new LinkedHashMap<>();
        for (List<String> row : read("nplv-focus-areas.csv")) {
            List<CbsWijkCode> codes = Arrays.stream(row.get(4).split(";")).map(CbsWijkCode::new).toList();
            FocusAreaCode code = new FocusAreaCode(row.get(0));
            areas.put(code, new FocusArea(code, row.get(1), row.get(2), row.get(3), codes, row.get(5),
                    FOCUS_AREAS_VALID_FROM, null));
        }
        return areas;
    }

    private static List<List<String>> read(String file) {
        String path = "/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("reference file missing from the class path: " + path);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<List<String>> rows = new ArrayList<>();
            reader.readLine(); // header
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(parseCsvLine(line));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180 subset: fields quoted only where needed, doubled quotes inside quotes. */
    static List<String> parseCsvLine(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
