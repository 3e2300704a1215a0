package org.oko.catalog.internal.io;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Labelled;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.internal.SearchText;

/** Enum values as files hold them: the Russian label, the enum name, or a short form people write. */
final class Labels {

    /** Short forms seen in the region's spreadsheets, besides the labels themselves. */
    private static final Map<String, Enum<?>> ALIASES = Map.ofEntries(
            Map.entry("государственная", FounderType.STATE),
            Map.entry("гоо", FounderType.STATE),
            Map.entry("муниципальный", FounderType.MUNICIPAL),
            Map.entry("муниципальное", FounderType.MUNICIPAL),
            Map.entry("город", SettlementType.CITY),
            Map.entry("городская местность", SettlementType.CITY),
            Map.entry("городское поселение", SettlementType.CITY),
            Map.entry("городской", SettlementType.CITY),
            Map.entry("село", SettlementType.RURAL),
            Map.entry("сельская местность", SettlementType.RURAL),
            Map.entry("сельское поселение", SettlementType.RURAL),
            Map.entry("сельский", SettlementType.RURAL),
            Map.entry("действует", OrganisationStatus.ACTIVE),
            Map.entry("действующая", OrganisationStatus.ACTIVE),
            Map.entry("закрыт", OrganisationStatus.CLOSED),
            Map.entry("закрыта", OrganisationStatus.CLOSED));

    private Labels() {
    }

    /** The value a text names, or empty if it names none. */
    static <E extends Enum<E> & Labelled> Optional<E> parse(Class<E> type, String text) {
        String key = SearchText.normalise(text);
        Map<String, E> known = new HashMap<>();
        for (E value : type.getEnumConstants()) {
            known.put(SearchText.normalise(value.label()), value);
            known.put(SearchText.normalise(value.name()), value);
        }
        E found = known.get(key);
        if (found == null && type.isInstance(ALIASES.get(key))) {
            found = type.cast(ALIASES.get(key));
        }
        return Optional.ofNullable(found);
    }

    static String format(Labelled value) {
        return value == null ? null : value.label();
    }

    /**
     * Levels from text like "НОО, ООО; СОО" or "НОО ООО".
     *
     * @return the levels, or empty if some part names no level
     */
    static Optional<Set<EducationLevel>> parseLevels(String text) {
        Set<EducationLevel> levels = EnumSet.noneOf(EducationLevel.class);
        if (text == null || text.isBlank()) {
            return Optional.of(levels);
        }
        for (String part : text.trim().split("[,;\\s]+")) {
            Optional<EducationLevel> level = parse(EducationLevel.class, part);
            if (level.isEmpty()) {
                return Optional.empty();
            }
            levels.add(level.get());
        }
        return Optional.of(levels);
    }

    /** Levels in enum order, e.g. "НОО, ООО, СОО"; null for none. */
    static String formatLevels(Set<EducationLevel> levels) {
        if (levels == null || levels.isEmpty()) {
            return null;
        }
        return EnumSet.copyOf(levels).stream().map(EducationLevel::label).collect(Collectors.joining(", "));
    }
}
