package nl.koers.query.outcome;

import nl.koers.events.aftercare.BasicCondition;
import nl.koers.events.trajectory.ClosureReason;
import nl.koers.pages.Cells;
import nl.koers.pages.chart.BarChart;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The outcome measures of a cohort as the page shows them: four sections (closed by reason, basic conditions at
 * release, new police contact after release and after closing), each a table and a bar chart, built only from
 * the API's answer ({@code GET /api/outcomes}), which has already suppressed small counts and withheld shares.
 */
record OutcomeFigures(String focusArea, int cohort, String asOf, Object trajectories, List<Section> sections) {

    /** A measure: its label, the count cell (number, "<5" or null) and its share, when the API publishes one. */
    record Measure(String key, String label, Object count, Double share) {
    }

    /** A section: its key and title, the group the shares are of (and its size), the measures and a chart. */
    record Section(String key, String title, String of, Object denominator, List<Measure> measures, BarChart chart) {
    }

    /** Labels and words of the page in the reader's language. */
    interface Words {
        String get(String key, Object... args);
    }

    @SuppressWarnings("unchecked")
    static OutcomeFigures of(Map<String, Object> answer, Words words, Locale locale) {
        List<Section> sections = new ArrayList<>();
        Object cohortSize = count(answer.get("trajectories"));

        Map<String, Object> closed = (Map<String, Object>) answer.get("closed");
        List<Measure> reasons = new ArrayList<>();
        Map<String, Object> byReason = (Map<String, Object>) closed.get("byReason");
        for (ClosureReason reason : ClosureReason.values()) {
            reasons.add(measure(reason.name(), words.get("outcomes.reason." + reason.name()), byReason.get(reason.name())));
        }
        reasons.add(measure("TOTAL", words.get("outcomes.closed.total"), closed.get("total")));
        sections.add(section("closed", words, cohortSize, reasons, locale));

        Map<String, Object> conditions = (Map<String, Object>) answer.get("basicConditionsAtRelease");
        Map<String, Object> met = (Map<String, Object>) conditions.get("met");
        List<Measure> perCondition = new ArrayList<>();
        for (BasicCondition condition : BasicCondition.values()) {
            perCondition.add(measure(condition.name(), words.get("outcomes.condition." + condition.name()),
                    met.get(condition.name())));
        }
        perCondition.add(measure("ALL", words.get("outcomes.condition.ALL"), conditions.get("allFiveMet")));
        sections.add(section("conditions", words, count(conditions.get("released")), perCondition, locale));

        Map<String, Object> police = (Map<String, Object>) answer.get("newPoliceContact");
        for (String window : List.of("afterRelease", "afterClose")) {
            List<Measure> windows = new ArrayList<>();
            Map<String, Object> byWindow = (Map<String, Object>) police.get(window);
            byWindow.forEach((within, figures) -> {
                Map<String, Object> f = (Map<String, Object>) figures;
                String months = within.replaceAll("[^0-9]", "");
                windows.add(measure(within, words.get("outcomes.police.within", months,
                        Cells.text(count(f.get("followedUp")), words.get("count.withheld"))), f.get("withNewContact")));
            });
            sections.add(section(window, words, null, windows, locale));
        }
        return new OutcomeFigures((String) answer.get("focusArea"), ((Number) answer.get("cohort")).intValue(),
                String.valueOf(answer.get("asOf")), cohortSize, sections);
    }

    @SuppressWarnings("unchecked")
    private static Measure measure(String key, String label, Object cell) {
        Map<String, Object> figures = (Map<String, Object>) cell;
        Object share = figures.get("share");
        return new Measure(key, label, figures.get("count"), share instanceof Number n ? n.doubleValue() : null);
    }

    private static Object count(Object cell) {
        return cell instanceof Map<?, ?> map ? map.get("count") : null;
    }

    private static Section section(String key, Words words, Object denominator, List<Measure> measures, Locale locale) {
        String title = words.get("outcomes.section." + key);
        Function<Measure, String> figure = m -> figure(m, words, locale);
        BarChart chart = BarChart.of(title, measures.stream()
                .map(m -> new BarChart.Input(m.label(), figure.apply(m), m.share())).toList());
        return new Section(key, title, words.get("outcomes.of." + key), denominator, measures, chart);
    }

    /** "12 (40 %)", "<5" or "withheld": what a bar and a table cell print. */
    static String figure(Measure measure, Words words, Locale locale) {
        String count = Cells.text(measure.count(), words.get("count.withheld"));
        if (measure.share() == null) {
            return count;
        }
        NumberFormat percent = NumberFormat.getPercentInstance(locale);
        return count + " (" + percent.format(measure.share()) + ")";
    }
}
