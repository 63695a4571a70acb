package nl.koers.query.trajectorypage;

import nl.koers.events.reference.CatalogueEntry;
import nl.koers.events.reference.ReferenceData;
import org.springframework.context.MessageSource;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Words for the codes a trajectory is made of, in the reader's language: catalogue codes by the catalogue's own
 * labels, CBS wijk codes by name, enum values and field names by the page's messages ({@code tp.v.*},
 * {@code tp.f.*}), falling back to the code itself for something added later.
 */
public final class PageLabels {
    private final MessageSource messages;
    private final Locale locale;
    private final boolean english;

    PageLabels(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        this.english = "en".equals(locale.getLanguage());
    }

    /** A value of a history entry or of the summary, in words. */
    public String value(String field, Object value) {
        if (value == null) {
            return "–";
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> value(String.valueOf(e.getKey()), e.getKey()) + ": "
                    + value("level", e.getValue())).collect(Collectors.joining(", "));
        }
        String text = value.toString();
        if (field.toLowerCase(Locale.ROOT).endsWith("neighbourhood")) {
            return wijk(text);
        }
        for (List<CatalogueEntry> catalogue : ReferenceData.get().catalogues().values()) {
            for (CatalogueEntry entry : catalogue) {
                if (entry.code().equals(text)) {
                    return english ? entry.labelEn() : entry.labelNl();
                }
            }
        }
        return messages.getMessage("tp.v." + text, null, text, locale);
    }

    public String field(String field) {
        return messages.getMessage("tp.f." + field, null, field, locale);
    }

    public String wijk(String code) {
        return ReferenceData.get().wijk(code).map(w -> w.name() + " (" + code + ")").orElse(code);
    }

    public String catalogueLabel(CatalogueEntry entry) {
        return english ? entry.labelEn() : entry.labelNl();
    }

    /** A fresh idempotency key for one rendered form. */
    public String newKey() {
        return UUID.randomUUID().toString();
    }
}
