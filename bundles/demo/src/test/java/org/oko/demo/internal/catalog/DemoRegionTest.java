package org.oko.demo.internal.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;

class DemoRegionTest {

    private static final DemoRegion DEMO = DemoRegion.generate();
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    private static List<Organisation> schools(DemoRegion demo) {
        return demo.organisations().stream().filter(o -> o.kind() == OrganisationKind.SCHOOL).toList();
    }

    private static long count(Predicate<Organisation> p) {
        return DEMO.organisations().stream().filter(p).count();
    }

    @Test
    void sameSeedGivesSameRegionAndOtherSeedAnother() {
        DemoRegion again = DemoRegion.generate(DemoRegion.DEFAULT_SEED);
        assertEquals(DEMO.region(), again.region());
        assertEquals(DEMO.territories(), again.territories());
        assertEquals(DEMO.organisations(), again.organisations());
        assertNotEquals(DEMO.organisations(), DemoRegion.generate(7).organisations());
    }

    @Test
    void regionSaysItIsSynthetic() {
        assertEquals("99", DEMO.region().code());
        assertEquals("Демонстрационная область (синтетические данные)", DEMO.region().name());
        assertTrue(DEMO.region().name().contains("синтетические"));
    }

    @Test
    void countsAreInRangeForSeveralSeeds() {
        for (long seed : new long[] {DemoRegion.DEFAULT_SEED, 1, 2, 42, 12345}) {
            DemoRegion demo = DemoRegion.generate(seed);
            int territories = demo.territories().size();
            List<Organisation> schools = schools(demo);
            long branches = schools.stream().filter(o -> o.parentCode() != null).count();
            long heads = schools.size() - branches;
            assertTrue(territories >= 38 && territories <= 42, "territories " + territories);
            assertTrue(schools.size() >= 700 && schools.size() <= 800, "schools " + schools.size());
            assertTrue(heads >= 680 && heads <= 720, "schools without branches " + heads);
            assertTrue(branches >= 40 && branches <= 80, "branches " + branches);
            long closed = schools.stream().filter(o -> o.status() == OrganisationStatus.CLOSED).count();
            assertTrue(closed >= 3 && closed <= 8, "closed " + closed);
        }
    }

    @Test
    void territoriesHaveTwoDigitCodesAndEveryType() {
        List<Territory> territories = DEMO.territories();
        for (int i = 0; i < territories.size(); i++) {
            assertEquals(String.format("%02d", i + 1), territories.get(i).code());
            assertEquals(0, territories.get(i).version());
        }
        Map<TerritoryType, Long> byType = territories.stream()
                .collect(Collectors.groupingBy(Territory::type, Collectors.counting()));
        assertEquals(EnumSet.allOf(TerritoryType.class), byType.keySet());
        assertTrue(byType.get(TerritoryType.CITY_DISTRICT) >= 4, byType.toString());
        assertEquals(territories.size(), territories.stream().map(Territory::name).distinct().count());
        assertTrue(territories.stream().filter(t -> t.type() == TerritoryType.MUNICIPAL_DISTRICT)
                .allMatch(t -> t.name().endsWith(" муниципальный район")));
        assertTrue(territories.stream().filter(t -> t.type() == TerritoryType.MUNICIPAL_OKRUG)
                .allMatch(t -> t.name().endsWith(" муниципальный округ")));
        assertTrue(territories.stream().filter(t -> t.type() == TerritoryType.CITY_DISTRICT)
                .allMatch(t -> t.name().startsWith("Городской округ ")));
    }

    @Test
    void codesAreUniqueAndWellFormed() {
        Set<String> seen = new HashSet<>();
        for (Organisation o : DEMO.organisations()) {
            assertNotNull(o.code());
            assertFalse(o.code().isBlank());
            assertTrue(seen.add(o.code()), "duplicate " + o.code());
            if (o.kind() == OrganisationKind.SCHOOL) {
                assertTrue(o.code().matches("99\\d{5}"), o.code());
                assertEquals(o.territoryCode(), o.code().substring(2, 4), o.code());
            } else {
                assertTrue(o.code().matches("99\\d{4}"), o.code());
            }
        }
    }

    @Test
    void regionLevelOrganisationsAndOneAuthorityPerTerritory() {
        Organisation ministry = DEMO.organisations().get(0);
        assertEquals(DemoRegion.MINISTRY_CODE, ministry.code());
        assertEquals(OrganisationKind.MINISTRY, ministry.kind());
        assertEquals("Министерство образования Демонстрационной области", ministry.fullName());
        assertNull(ministry.territoryCode());
        Organisation centre = DEMO.organisations().get(1);
        assertEquals(DemoRegion.REGIONAL_CENTRE_CODE, centre.code());
        assertEquals(OrganisationKind.REGIONAL_CENTRE, centre.kind());
        assertNull(centre.territoryCode());

        Map<String, Organisation> byCode = byCode();
        for (Territory t : DEMO.territories()) {
            Organisation authority = byCode.get("99" + t.code() + "00");
            assertNotNull(authority, t.code());
            assertEquals(OrganisationKind.MUNICIPAL_AUTHORITY, authority.kind());
            assertEquals(t.code(), authority.territoryCode());
        }
        assertEquals(DEMO.territories().size(), count(o -> o.kind() == OrganisationKind.MUNICIPAL_AUTHORITY));
        assertEquals(1, count(o -> o.kind() == OrganisationKind.MINISTRY));
        assertEquals(1, count(o -> o.kind() == OrganisationKind.REGIONAL_CENTRE));
    }

    @Test
    void referencesPointToOrganisationsEarlierInTheList() {
        Set<String> before = new HashSet<>();
        for (Organisation o : DEMO.organisations()) {
            for (String ref : new String[] {o.founderCode(), o.parentCode(), o.successorCode()}) {
                assertTrue(ref == null || before.contains(ref), o.code() + " refers to " + ref);
            }
            before.add(o.code());
        }
        Set<String> territories = DEMO.territories().stream().map(Territory::code).collect(Collectors.toSet());
        assertTrue(DEMO.organisations().stream().map(Organisation::territoryCode)
                .allMatch(t -> t == null || territories.contains(t)));
    }

    @Test
    void everySchoolIsComplete() {
        for (Organisation o : schools(DEMO)) {
            assertNotNull(o.territoryCode(), o.code());
            assertNotNull(o.settlementType(), o.code());
            assertNotNull(o.founderType(), o.code());
            assertFalse(o.levels().isEmpty(), o.code());
            assertFalse(o.fullName().isBlank(), o.code());
            assertFalse(o.shortName().isBlank(), o.code());
            assertTrue(o.address().startsWith("99" + o.territoryCode()), o.address());
            assertTrue(o.address().contains("Демонстрационная обл."), o.address());
            assertEquals(0, o.version());
        }
    }

    @Test
    void foundersMatchFounderTypes() {
        Map<String, Organisation> byCode = byCode();
        for (Organisation o : schools(DEMO)) {
            switch (o.founderType()) {
                case MUNICIPAL -> {
                    Organisation founder = byCode.get(o.founderCode());
                    assertNotNull(founder, o.code());
                    assertEquals(OrganisationKind.MUNICIPAL_AUTHORITY, founder.kind(), o.code());
                    assertEquals(o.territoryCode(), founder.territoryCode(), o.code());
                }
                case STATE -> assertEquals(DemoRegion.MINISTRY_CODE, o.founderCode(), o.code());
                case FEDERAL, PRIVATE -> assertNull(o.founderCode(), o.code());
                default -> throw new AssertionError(o.founderType());
            }
        }
        Map<FounderType, Long> heads = schools(DEMO).stream().filter(o -> o.parentCode() == null)
                .collect(Collectors.groupingBy(Organisation::founderType, Collectors.counting()));
        assertEquals(EnumSet.allOf(FounderType.class), heads.keySet());
        assertTrue(heads.get(FounderType.STATE) >= 35 && heads.get(FounderType.STATE) <= 45, heads.toString());
        assertTrue(heads.get(FounderType.FEDERAL) >= 3 && heads.get(FounderType.FEDERAL) <= 8, heads.toString());
        assertTrue(heads.get(FounderType.PRIVATE) >= 15 && heads.get(FounderType.PRIVATE) <= 25, heads.toString());
        assertTrue(heads.get(FounderType.MUNICIPAL) > 550, heads.toString());
        assertTrue(schools(DEMO).stream().filter(o -> o.founderType() == FounderType.PRIVATE)
                .allMatch(o -> o.fullName().startsWith("Частное") || o.fullName().startsWith("Автономная")));
    }

    @Test
    void bothSettlementTypesAppearWidely() {
        Map<SettlementType, Long> bySettlement = schools(DEMO).stream()
                .collect(Collectors.groupingBy(Organisation::settlementType, Collectors.counting()));
        assertTrue(bySettlement.getOrDefault(SettlementType.CITY, 0L) >= 200, bySettlement.toString());
        assertTrue(bySettlement.getOrDefault(SettlementType.RURAL, 0L) >= 200, bySettlement.toString());
        // City districts are mostly city schools, and most districts have both kinds.
        Set<String> cityDistricts = DEMO.territories().stream()
                .filter(t -> t.type() == TerritoryType.CITY_DISTRICT).map(Territory::code).collect(Collectors.toSet());
        long inCities = schools(DEMO).stream().filter(o -> cityDistricts.contains(o.territoryCode())).count();
        long cityInCities = schools(DEMO).stream().filter(o -> cityDistricts.contains(o.territoryCode()))
                .filter(o -> o.settlementType() == SettlementType.CITY).count();
        assertTrue(cityInCities * 10 >= inCities * 9, cityInCities + " of " + inCities);
    }

    @Test
    void levelsFitTheKindOfSchool() {
        Set<EducationLevel> all = EnumSet.allOf(EducationLevel.class);
        for (Organisation o : schools(DEMO)) {
            String n = o.shortName();
            if (o.parentCode() != null) {
                continue;
            }
            if (n.contains("«СОШ") || n.contains("«Гимназия") || n.contains("«Лицей")) {
                assertEquals(all, o.levels(), n);
            } else if (n.contains("«ООШ")) {
                assertEquals(Set.of(EducationLevel.NOO, EducationLevel.OOO), o.levels(), n);
            } else if (n.contains("«НШ")) {
                assertEquals(Set.of(EducationLevel.NOO), o.levels(), n);
            }
        }
        assertTrue(count(o -> o.shortName().contains("«НШ-ДС")) > 0);
        assertTrue(count(o -> o.shortName().contains("«ООШ")) > 50);
        assertTrue(count(o -> o.shortName().contains("«Гимназия")) > 5);
        assertTrue(count(o -> o.shortName().contains("«Лицей")) > 3);
    }

    @Test
    void branchesFollowTheirRuralHeadSchool() {
        Map<String, Organisation> byCode = byCode();
        for (Organisation b : schools(DEMO)) {
            if (b.parentCode() == null) {
                continue;
            }
            Organisation head = byCode.get(b.parentCode());
            assertNotNull(head, b.code());
            assertTrue(head.parentCode() == null, b.code());
            assertEquals(SettlementType.RURAL, head.settlementType(), b.code());
            assertEquals(OrganisationStatus.ACTIVE, head.status(), b.code());
            assertEquals(head.founderType(), b.founderType(), b.code());
            assertEquals(head.founderCode(), b.founderCode(), b.code());
            assertEquals(head.territoryCode(), b.territoryCode(), b.code());
            assertTrue(head.levels().containsAll(b.levels()), b.code());
            assertTrue(b.shortName().startsWith("Филиал " + head.shortName() + " в "), b.shortName());
            assertTrue(b.fullName().startsWith("Филиал "), b.fullName());
        }
    }

    @Test
    void closedSchoolsHaveADateAndMergedOnesAnActiveSuccessorNearby() {
        Map<String, Organisation> byCode = byCode();
        List<Organisation> closed = DEMO.organisations().stream()
                .filter(o -> o.status() == OrganisationStatus.CLOSED).toList();
        assertEquals(5, closed.size());
        for (Organisation o : closed) {
            assertNotNull(o.closedOn(), o.code());
            assertTrue(o.closedOn().isAfter(LocalDate.of(2019, 12, 31)), o.code());
            assertTrue(o.closedOn().isBefore(LocalDate.of(2025, 1, 1)), o.code());
        }
        List<Organisation> merged = closed.stream().filter(o -> o.successorCode() != null).toList();
        assertEquals(2, merged.size());
        for (Organisation o : merged) {
            Organisation successor = byCode.get(o.successorCode());
            assertEquals(OrganisationStatus.ACTIVE, successor.status(), o.code());
            assertEquals(o.territoryCode(), successor.territoryCode(), o.code());
            assertNotEquals(o.code(), successor.code());
        }
        for (Organisation o : DEMO.organisations()) {
            if (o.status() == OrganisationStatus.ACTIVE) {
                assertNull(o.closedOn(), o.code());
                assertNull(o.successorCode(), o.code());
            }
            // Nothing hangs off a closed school.
            if (o.parentCode() != null) {
                assertEquals(OrganisationStatus.ACTIVE, byCode.get(o.parentCode()).status(), o.code());
            }
        }
    }

    @Test
    void namesAreRussianOnly() {
        assertFalse(LATIN.matcher(DEMO.region().name()).find());
        for (Territory t : DEMO.territories()) {
            assertFalse(LATIN.matcher(t.name()).find(), t.name());
        }
        for (Organisation o : DEMO.organisations()) {
            assertFalse(LATIN.matcher(o.fullName()).find(), o.fullName());
            assertFalse(LATIN.matcher(o.shortName()).find(), o.shortName());
            assertFalse(LATIN.matcher(o.address()).find(), o.address());
        }
    }

    @Test
    void namesFollowRussianStyle() {
        assertTrue(count(o -> o.fullName().startsWith(
                "Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № ")) > 50);
        assertTrue(count(o -> o.shortName().matches("МБОУ «СОШ № \\d+ г\\. \\S+»")) > 50);
        assertTrue(count(o -> o.shortName().matches("М[БК]ОУ «СОШ [сп]\\. [^»]+»")) > 50);
        assertTrue(count(o -> o.shortName().matches("Филиал М[БК]ОУ «[^»]+» в [дс]\\. .+")) >= 40);
        assertTrue(count(o -> o.fullName().contains("Специальная (коррекционная)")) > 0);
        assertTrue(count(o -> o.fullName().contains("Кадетская школа")) > 0);
        // Short names within a territory tell the schools apart.
        Map<String, Set<String>> shortNames = new HashMap<>();
        for (Organisation o : schools(DEMO)) {
            assertTrue(shortNames.computeIfAbsent(o.territoryCode(), t -> new HashSet<>()).add(o.shortName()),
                    o.shortName());
        }
    }

    @Test
    void taxIdentifiersAreWellFormedAndUnique() {
        List<Organisation> schools = schools(DEMO);
        long withInn = schools.stream().filter(o -> o.inn() != null).count();
        assertTrue(withInn * 10 >= schools.size() * 8, withInn + " of " + schools.size());
        Set<String> inns = new HashSet<>();
        for (Organisation o : DEMO.organisations()) {
            if (o.inn() != null) {
                assertTrue(TaxIds.validInn10(o.inn()), o.inn());
                assertTrue(inns.add(o.inn()), o.inn());
            }
            if (o.ogrn() != null) {
                assertTrue(TaxIds.validOgrn(o.ogrn()), o.ogrn());
            }
            assertEquals(o.inn() == null, o.ogrn() == null, o.code());
        }
    }

    private static Map<String, Organisation> byCode() {
        return DEMO.organisations().stream().collect(Collectors.toMap(Organisation::code, o -> o));
    }
}
