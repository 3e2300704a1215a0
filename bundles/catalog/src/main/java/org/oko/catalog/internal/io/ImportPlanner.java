package org.oko.catalog.internal.io;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;

import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.ImportOptions;
import org.oko.catalog.api.ImportReport;
import org.oko.catalog.api.NewTerritory;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.RowError;
import org.oko.catalog.api.RowOutcome;
import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;
import org.oko.catalog.internal.SearchText;

/**
 * Decides what an import would do: checks rows against the catalog and each other, and lists what
 * to save. Pure; the store writes the plan, all or nothing.
 */
public final class ImportPlanner {

    /**
     * @param report what the import does; {@code applied} always false, the store sets it after writing
     * @param toSave new organisations with version 0, changed ones with the stored version so that a
     *               concurrent edit is detected; empty when there is any error. Columns the file lacks
     *               keep their stored values.
     * @param contacts the contacts that change, by code, each with the stored version (0 for none stored); empty
     *               when there is any error
     */
    public record Plan(ImportReport report, List<Territory> newTerritories, List<Organisation> toSave, Map<String, Contacts> contacts) {

        public Plan {
            newTerritories = List.copyOf(newTerritories);
            toSave = List.copyOf(toSave);
            contacts = Map.copyOf(contacts);
        }
    }

    /**
     * @param authoritiesIn the codes of the stored active education authorities of a territory: a
     *                      municipal school without a founder code gets its territory's one
     */
    public Plan plan(ParsedFile file, Function<String, Optional<Organisation>> existingByCode,
                     Function<String, List<String>> authoritiesIn, Collection<Territory> territories, boolean dryRun) {
        return plan(file, existingByCode, authoritiesIn, territories, new ImportOptions(dryRun, false));
    }

    public Plan plan(ParsedFile file, Function<String, Optional<Organisation>> existingByCode,
                     Function<String, List<String>> authoritiesIn, Collection<Territory> territories, ImportOptions options) {
        return plan(file, existingByCode, code -> Optional.empty(), authoritiesIn, territories, options);
    }

    /** @param storedContacts the contacts stored for a code, if any */
    public Plan plan(ParsedFile file, Function<String, Optional<Organisation>> existingByCode,
                     Function<String, Optional<Contacts>> storedContacts,
                     Function<String, List<String>> authoritiesIn, Collection<Territory> territories, ImportOptions options) {
        boolean dryRun = options.dryRun();
        Territories known = new Territories(territories);
        Set<String> codesInFile = new HashSet<>();
        file.rows().forEach(row -> codesInFile.add(row.organisation().code()));
        Predicate<String> codeKnown = code -> codesInFile.contains(code) || existingByCode.apply(code).isPresent();
        NewTerritories created = new NewTerritories(file, known, codeKnown);
        List<Organisation> newAuthorities = options.createTerritories() ? created.authorities() : List.of();
        if (options.createTerritories()) {
            created.territories().forEach(known::add);
            newAuthorities.forEach(a -> codesInFile.add(a.code()));
        }
        Map<String, Set<String>> fileAuthorities = authoritiesInFile(file, known, newAuthorities);
        Function<String, Set<String>> authorities = territory -> {
            Set<String> codes = new TreeSet<>(authoritiesIn.apply(territory));
            codes.addAll(fileAuthorities.getOrDefault(territory, Set.of()));
            return codes;
        };
        List<RowError> errors = new ArrayList<>(file.errors());
        List<RowError> warnings = new ArrayList<>();
        List<RowOutcome> outcomes = new ArrayList<>();
        List<Organisation> toSave = new ArrayList<>(newAuthorities);
        Map<String, Contacts> contacts = new HashMap<>();
        for (ParsedRow row : file.rows()) {
            if (file.hasErrors(row.row())) {
                continue;
            }
            Optional<Organisation> existing = existingByCode.apply(row.organisation().code());
            Organisation candidate = existing
                    .map(stored -> OrganisationMerge.keepAbsent(row.organisation(), stored, file))
                    .orElse(row.organisation());
            List<RowError> rowErrors = new ArrayList<>();
            List<RowError> rowWarnings = new ArrayList<>();
            Organisation organisation = new RowCheck(row, candidate, rowErrors, rowWarnings, codeKnown).checked(known, authorities);
            warnings.addAll(rowWarnings);
            Contacts storedContact = storedContacts.apply(organisation.code()).orElse(Contacts.NONE);
            Contacts contact = ContactsMerge.keepAbsent(row.contacts(), storedContact, file);
            List<String> contactsChanged = ContactsMerge.changedColumns(storedContact, contact);
            if (!rowErrors.isEmpty()) {
                errors.addAll(rowErrors);
            } else if (existing.isEmpty()) {
                outcomes.add(new RowOutcome(row.row(), organisation.code(), RowOutcome.Action.CREATED, List.of()));
                toSave.add(organisation);
            } else {
                List<String> changed = new ArrayList<>(OrganisationDiff.changedColumns(existing.get(), organisation));
                RowOutcome.Action action = changed.isEmpty() && contactsChanged.isEmpty() ? RowOutcome.Action.UNCHANGED : RowOutcome.Action.CHANGED;
                if (!changed.isEmpty()) {
                    toSave.add(organisation);
                }
                changed.addAll(contactsChanged);
                outcomes.add(new RowOutcome(row.row(), organisation.code(), action, changed));
            }
            if (rowErrors.isEmpty() && !contactsChanged.isEmpty()) {
                contacts.put(organisation.code(), contact);
            }
        }
        // Stable sort: file-level errors first, then by row, each row's errors in column order.
        errors.sort(Comparator.comparingInt(RowError::row));
        ImportReport report = new ImportReport(dryRun, false, dataRows(file),
                count(outcomes, RowOutcome.Action.CREATED), count(outcomes, RowOutcome.Action.CHANGED),
                count(outcomes, RowOutcome.Action.UNCHANGED), List.copyOf(outcomes), List.copyOf(errors), List.copyOf(warnings),
                created.report(), file.matches());
        boolean good = errors.isEmpty();
        return new Plan(report, good && options.createTerritories() ? created.territories() : List.of(), good ? toSave : List.of(),
                good ? contacts : Map.of());
    }

    /** Territory code → the education authorities the file brings for it (its rows, and those created with new territories). */
    private static Map<String, Set<String>> authoritiesInFile(ParsedFile file, Territories known, List<Organisation> newAuthorities) {
        Map<String, Set<String>> result = new HashMap<>();
        for (ParsedRow row : file.rows()) {
            if (row.organisation().kind() == OrganisationKind.MUNICIPAL_AUTHORITY) {
                Optional<Territory> territory = row.territoryCode() != null ? known.byCode(row.territoryCode())
                        : row.territoryName() != null ? known.byName(row.territoryName()) : Optional.empty();
                territory.ifPresent(t -> result.computeIfAbsent(t.code(), c -> new TreeSet<>()).add(row.organisation().code()));
            }
        }
        newAuthorities.forEach(a -> result.computeIfAbsent(a.territoryCode(), c -> new TreeSet<>()).add(a.code()));
        return result;
    }

    /** Rows read, with or without errors: every row number that either yielded a row or an error. */
    private static int dataRows(ParsedFile file) {
        Set<Integer> rows = new TreeSet<>();
        file.rows().forEach(row -> rows.add(row.row()));
        file.errors().stream().map(RowError::row).filter(row -> row > 1).forEach(rows::add);
        return rows.size();
    }

    private static int count(List<RowOutcome> outcomes, RowOutcome.Action action) {
        return (int) outcomes.stream().filter(outcome -> outcome.action() == action).count();
    }

    static Organisation withVersion(Organisation o, long version) {
        return new Organisation(o.code(), o.kind(), o.fullName(), o.shortName(), o.founderType(), o.founderCode(),
                o.territoryCode(), o.settlementType(), o.levels(), o.inn(), o.ogrn(), o.address(), o.status(),
                o.closedOn(), o.parentCode(), o.successorCode(), version);
    }

    static Organisation withTerritory(Organisation o, String territoryCode, String founderCode) {
        return new Organisation(o.code(), o.kind(), o.fullName(), o.shortName(), o.founderType(), founderCode,
                territoryCode, o.settlementType(), o.levels(), o.inn(), o.ogrn(), o.address(), o.status(),
                o.closedOn(), o.parentCode(), o.successorCode(), o.version());
    }

    /** Territories by code and by normalised name. */
    private static final class Territories {

        private final Map<String, Territory> byCode = new HashMap<>();
        private final Map<String, Territory> byName = new HashMap<>();

        Territories(Collection<Territory> territories) {
            for (Territory territory : territories) {
                byCode.put(territory.code(), territory);
                byName.put(SearchText.normalise(territory.name()), territory);
            }
        }

        Optional<Territory> byCode(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        Optional<Territory> byName(String name) {
            return Optional.ofNullable(byName.get(SearchText.normalise(name)));
        }

        boolean hasCode(String code) {
            return byCode.containsKey(code);
        }

        void add(Territory territory) {
            byCode.put(territory.code(), territory);
            byName.put(SearchText.normalise(territory.name()), territory);
        }
    }

    /**
     * The territories a file names by a name the catalog does not know, as they would be created:
     * the first free codes T001…, a type guessed from the name, and an education authority each
     * unless the file brings one (matched by the territory's name).
     */
    private static final class NewTerritories {

        private final List<Territory> territories = new ArrayList<>();
        private final List<Organisation> authorities = new ArrayList<>();
        private final List<NewTerritory> report = new ArrayList<>();

        NewTerritories(ParsedFile file, Territories known, Predicate<String> organisationCodeTaken) {
            Map<String, String> names = new java.util.LinkedHashMap<>(); // normalised → as first written
            Map<String, Integer> rows = new HashMap<>();
            Set<String> withAuthority = new HashSet<>();
            for (ParsedRow row : file.rows()) {
                String name = row.territoryName();
                if (row.territoryCode() != null || name == null || known.byName(name).isPresent()) {
                    continue;
                }
                String key = SearchText.normalise(name);
                names.putIfAbsent(key, name);
                rows.merge(key, 1, Integer::sum);
                if (row.organisation().kind() == OrganisationKind.MUNICIPAL_AUTHORITY) {
                    withAuthority.add(key);
                }
            }
            int next = 1;
            for (Map.Entry<String, String> name : names.entrySet()) {
                String code;
                do {
                    code = String.format("T%03d", next++);
                } while (known.hasCode(code));
                Territory territory = new Territory(code, name.getValue(), type(name.getValue()), 0);
                territories.add(territory);
                String authority = null;
                if (!withAuthority.contains(name.getKey())) {
                    authority = code + "-UO";
                    for (int n = 2; organisationCodeTaken.test(authority); n++) {
                        authority = code + "-UO" + n;
                    }
                    authorities.add(new Organisation(authority, OrganisationKind.MUNICIPAL_AUTHORITY,
                            TEXTS.ru("catalog.import.authority-full-name", name.getValue()),
                            TEXTS.ru("catalog.import.authority-short-name", name.getValue()),
                            null, null, code, null, Set.of(), null, null, null, OrganisationStatus.ACTIVE, null, null, null, 0));
                }
                report.add(new NewTerritory(code, name.getValue(), territory.type(), authority, rows.get(name.getKey())));
            }
        }

        private static TerritoryType type(String name) {
            String text = SearchText.normalise(name);
            if (text.contains("городской округ") || text.startsWith("г ") || text.startsWith("г.") || text.startsWith("город ")) {
                return TerritoryType.CITY_DISTRICT;
            }
            return text.contains("муниципальный округ") ? TerritoryType.MUNICIPAL_OKRUG : TerritoryType.MUNICIPAL_DISTRICT;
        }

        List<Territory> territories() {
            return territories;
        }

        List<Organisation> authorities() {
            return authorities;
        }

        List<NewTerritory> report() {
            return List.copyOf(report);
        }
    }

    /** The checks of one row that need the catalog or the rest of the file. */
    private static final class RowCheck {

        private final ParsedRow row;
        private final Organisation candidate;
        private final List<RowError> errors;
        private final List<RowError> warnings;
        private final Predicate<String> codeKnown;

        /** @param candidate the row's organisation, merged with the stored one if any */
        RowCheck(ParsedRow row, Organisation candidate, List<RowError> errors, List<RowError> warnings, Predicate<String> codeKnown) {
            this.row = row;
            this.candidate = candidate;
            this.errors = errors;
            this.warnings = warnings;
            this.codeKnown = codeKnown;
        }

        /** The candidate with its territory resolved to a code and, for a municipal school, its founder. */
        Organisation checked(Territories territories, Function<String, Set<String>> authorities) {
            Organisation o = candidate;
            String territoryCode = territory(territories, o.kind());
            boolean school = o.kind() == OrganisationKind.SCHOOL;
            String founderCode = o.founderCode();
            if (school && o.founderType() == null) {
                error(CatalogColumns.FOUNDER_TYPE, TEXTS.ru("catalog.row.founder-type-missing"));
            }
            if (school && o.founderType() == FounderType.MUNICIPAL && founderCode == null && territoryCode != null) {
                // A region's own lists rarely name the founder: it is the territory's education authority.
                Set<String> candidates = authorities.apply(territoryCode);
                if (candidates.size() == 1) {
                    founderCode = candidates.iterator().next();
                    warnings.add(new RowError(row.row(), CatalogColumns.FOUNDER_CODE.header(),
                            TEXTS.ru("catalog.row.founder-assigned", founderCode)));
                } else {
                    error(CatalogColumns.FOUNDER_CODE, candidates.isEmpty()
                            ? TEXTS.ru("catalog.row.founder-code-missing.none", o.founderType().label())
                            : TEXTS.ru("catalog.row.founder-code-missing.several", o.founderType().label(), String.join(", ", candidates)));
                }
            } else if (school && (o.founderType() == FounderType.MUNICIPAL || o.founderType() == FounderType.STATE)
                    && founderCode == null) {
                error(CatalogColumns.FOUNDER_CODE, TEXTS.ru("catalog.row.founder-code-missing", o.founderType().label()));
            }
            reference(CatalogColumns.FOUNDER_CODE, founderCode);
            if (school && o.settlementType() == null) {
                warnings.add(new RowError(row.row(), CatalogColumns.SETTLEMENT_TYPE.header(),
                        TEXTS.ru("catalog.row.settlement-missing")));
            }
            reference(CatalogColumns.PARENT_CODE, o.parentCode());
            reference(CatalogColumns.SUCCESSOR_CODE, o.successorCode());
            return withTerritory(o, territoryCode, founderCode);
        }

        /** The code column wins; the name is for files made by hand, which rarely have codes. */
        private String territory(Territories territories, OrganisationKind kind) {
            if (row.territoryCode() != null) {
                Optional<Territory> territory = territories.byCode(row.territoryCode());
                if (territory.isEmpty()) {
                    error(CatalogColumns.TERRITORY_CODE, TEXTS.ru("catalog.row.territory-code-unknown", row.territoryCode()));
                    return null;
                }
                if (row.territoryName() != null && territories.byName(row.territoryName())
                        .filter(territory.get()::equals).isEmpty()) {
                    error(CatalogColumns.TERRITORY_NAME, TEXTS.ru("catalog.row.territory-mismatch", row.territoryName(), row.territoryCode(),
                            territory.get().name()));
                }
                return territory.get().code();
            }
            if (row.territoryName() != null) {
                Optional<Territory> territory = territories.byName(row.territoryName());
                if (territory.isEmpty()) {
                    error(CatalogColumns.TERRITORY_NAME, TEXTS.ru("catalog.row.territory-name-unknown", row.territoryName()));
                }
                return territory.map(Territory::code).orElse(null);
            }
            if (kind == OrganisationKind.SCHOOL || kind == OrganisationKind.MUNICIPAL_AUTHORITY) {
                error(CatalogColumns.TERRITORY_NAME, TEXTS.ru("catalog.row.territory-missing"));
            }
            return null;
        }

        /** A code of another organisation: the file may bring it along, so it need not be stored yet. */
        private void reference(CatalogColumns column, String code) {
            if (code == null) {
                return;
            }
            if (code.equals(candidate.code())) {
                error(column, TEXTS.ru("catalog.row.self-reference", code));
            } else if (!codeKnown.test(code)) {
                error(column, TEXTS.ru("catalog.row.reference-unknown", code));
            }
        }

        private void error(CatalogColumns column, String message) {
            errors.add(new RowError(row.row(), column.header(), message));
        }
    }
}
