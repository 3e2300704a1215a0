package org.oko.demo.internal.catalog;

import static org.oko.catalog.api.EducationLevel.NOO;
import static org.oko.catalog.api.EducationLevel.OOO;
import static org.oko.catalog.api.EducationLevel.SOO;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.oko.catalog.api.EducationLevel;
import org.oko.catalog.api.FounderType;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationKind;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Region;
import org.oko.catalog.api.SettlementType;
import org.oko.catalog.api.Territory;
import org.oko.catalog.api.TerritoryType;

/**
 * Builds a {@link DemoRegion}. Schools are first drafted without codes, so that branches and closures can be
 * chosen over the whole region with exact totals; codes are handed out on emission, in list order.
 */
final class DemoGenerator {

    private static final String OBL = "Демонстрационная обл.";
    private static final int CITY_COUNT = DemoNames.CITIES.size();

    private enum SchoolType {
        SOSH("Средняя общеобразовательная школа", "СОШ", NOO, OOO, SOO),
        SOSH_UIOP("Средняя общеобразовательная школа с углублённым изучением отдельных предметов",
                "СОШ с УИОП", NOO, OOO, SOO),
        OOSH("Основная общеобразовательная школа", "ООШ", NOO, OOO),
        NSDS("Начальная школа – детский сад", "НШ-ДС", NOO),
        GYMNASIUM("Гимназия", "Гимназия", NOO, OOO, SOO),
        LYCEUM("Лицей", "Лицей", NOO, OOO, SOO),
        CORRECTIONAL_BOARDING("Специальная (коррекционная) общеобразовательная школа-интернат", "С(К)ОШИ",
                NOO, OOO),
        CORRECTIONAL("Специальная (коррекционная) общеобразовательная школа", "С(К)ОШ", NOO, OOO),
        CADET_BOARDING("Кадетская школа-интернат", "КШИ", OOO, SOO),
        CADET("Кадетская школа", "Кадетская школа", OOO, SOO),
        BOARDING("Общеобразовательная школа-интернат", "ОШИ", NOO, OOO, SOO),
        SANATORIUM("Санаторная школа-интернат", "Санаторная школа-интернат", NOO, OOO, SOO),
        PRIMARY("Начальная школа", "НШ", NOO),
        SCHOOL("Школа", "Школа", NOO, OOO, SOO);

        final String full;
        final String abbr;
        final Set<EducationLevel> levels;

        SchoolType(String full, String abbr, EducationLevel... levels) {
            this.full = full;
            this.abbr = abbr;
            this.levels = Set.of(levels);
        }
    }

    private enum LegalForm {
        MBOU("Муниципальное бюджетное общеобразовательное учреждение",
                "муниципального бюджетного общеобразовательного учреждения", "МБОУ"),
        MAOU("Муниципальное автономное общеобразовательное учреждение",
                "муниципального автономного общеобразовательного учреждения", "МАОУ"),
        MKOU("Муниципальное казённое общеобразовательное учреждение",
                "муниципального казённого общеобразовательного учреждения", "МКОУ"),
        GBOU("Государственное бюджетное общеобразовательное учреждение Демонстрационной области",
                "государственного бюджетного общеобразовательного учреждения Демонстрационной области", "ГБОУ"),
        GKOU("Государственное казённое общеобразовательное учреждение Демонстрационной области",
                "государственного казённого общеобразовательного учреждения Демонстрационной области", "ГКОУ"),
        FGKOU("Федеральное государственное казённое общеобразовательное учреждение",
                "федерального государственного казённого общеобразовательного учреждения", "ФГКОУ"),
        FGAOU("Федеральное государственное автономное общеобразовательное учреждение",
                "федерального государственного автономного общеобразовательного учреждения", "ФГАОУ"),
        CHOU("Частное общеобразовательное учреждение", "частного общеобразовательного учреждения", "ЧОУ"),
        ANOO("Автономная некоммерческая общеобразовательная организация",
                "автономной некоммерческой общеобразовательной организации", "АНОО");

        final String full;
        final String genitive;
        final String abbr;

        LegalForm(String full, String genitive, String abbr) {
            this.full = full;
            this.genitive = genitive;
            this.abbr = abbr;
        }
    }

    /** A territory with what naming and addressing need. */
    private static final class Place {
        final Territory territory;
        final boolean city;
        final String genitive;      // "Берёзовского муниципального района", "городского округа Новоградск"
        final String shortGenitive; // "Берёзовского МР", "г.о. Новоградск"
        final String area;          // address part before a village: "Берёзовский р-н", "г.о. Новоградск"
        final String town;          // the city, or the district centre
        final Deque<String> villages;
        int townNumber;             // last school number used in the town
        int sequence;               // last code sequence used

        Place(Territory territory, boolean city, String genitive, String shortGenitive, String area, String town,
              List<String> villages) {
            this.territory = territory;
            this.city = city;
            this.genitive = genitive;
            this.shortGenitive = shortGenitive;
            this.area = area;
            this.town = town;
            this.villages = new ArrayDeque<>(villages);
        }

        String code() {
            return territory.code();
        }

        String authorityCode() {
            return DemoRegion.REGION_CODE + code() + "00";
        }
    }

    /** A school before it has a code. */
    private static final class Draft {
        Place place;
        FounderType founderType;
        String founderCode;
        LegalForm form;
        SchoolType type;
        String title;       // inner name: "Средняя общеобразовательная школа с. Ольховка"
        String shortTitle;  // "СОШ с. Ольховка"
        String suffix = ""; // after the quoted name: " Берёзовского муниципального района"
        SettlementType settlement;
        Set<EducationLevel> levels;
        String address;
        String inn;
        String ogrn;
        String fullName;
        String shortName;
        final List<Draft> branches = new ArrayList<>();
        Draft parent;
        LocalDate closedOn;
        Draft successor;
        String code;
    }

    private final Random rng;
    private final Set<String> usedInns = new HashSet<>();
    private final Set<String> usedOgrns = new HashSet<>();

    DemoGenerator(long seed) {
        this.rng = new Random(seed);
    }

    DemoRegion generate() {
        List<Place> places = places();
        List<Organisation> out = new ArrayList<>();
        out.add(regionLevel(DemoRegion.MINISTRY_CODE, OrganisationKind.MINISTRY,
                "Министерство образования Демонстрационной области", "Минобразования Демонстрационной области",
                "пл. Просвещения, д. 1"));
        out.add(regionLevel(DemoRegion.REGIONAL_CENTRE_CODE, OrganisationKind.REGIONAL_CENTRE,
                "Региональный центр оценки качества образования", "РЦОКО", "ул. Звездочётов, д. 12"));
        for (Place place : places) {
            out.add(authority(place));
        }

        int state = 38 + rng.nextInt(5);
        int privates = 18 + rng.nextInt(5);
        int total = 690 + rng.nextInt(21);
        List<Draft> drafts = new ArrayList<>();
        List<List<Draft>> municipalByPlace = municipal(places, total - state - FEDERAL.size() - privates);
        municipalByPlace.forEach(drafts::addAll);
        addBranches(drafts, 55 + rng.nextInt(11));
        closeSome(municipalByPlace, 5, 2);
        drafts.addAll(stateSchools(places, state));
        drafts.addAll(federalSchools(places));
        drafts.addAll(privateSchools(places, privates));

        for (Draft d : drafts) {
            out.add(emit(d));
            for (Draft branch : d.branches) {
                out.add(emit(branch));
            }
        }
        return new DemoRegion(new Region(DemoRegion.REGION_CODE, DemoRegion.REGION_NAME),
                places.stream().map(p -> p.territory).toList(), out);
    }

    // ---- territories and non-school organisations

    private List<Place> places() {
        List<Place> places = new ArrayList<>();
        for (String city : DemoNames.CITIES) {
            String code = twoDigits(places.size() + 1);
            places.add(new Place(new Territory(code, "Городской округ " + city, TerritoryType.CITY_DISTRICT, 0),
                    true, "городского округа " + city, "г.о. " + city, "г.о. " + city, city, villages()));
        }
        for (int i = 0; i < DemoNames.DISTRICTS.size(); i++) {
            String adjective = DemoNames.DISTRICTS.get(i);
            // Roughly a third of the districts have already become okrugs, as in real regions.
            boolean okrug = i % 3 == 1;
            String stem = adjective.substring(0, adjective.length() - 2); // "Берёзовск"
            String code = twoDigits(places.size() + 1);
            Territory territory = new Territory(code,
                    adjective + (okrug ? " муниципальный округ" : " муниципальный район"),
                    okrug ? TerritoryType.MUNICIPAL_OKRUG : TerritoryType.MUNICIPAL_DISTRICT, 0);
            places.add(new Place(territory, false,
                    stem + "ого " + (okrug ? "муниципального округа" : "муниципального района"),
                    stem + "ого " + (okrug ? "МО" : "МР"),
                    adjective + (okrug ? " м.о." : " р-н"),
                    stem.substring(0, stem.length() - 1) + "к", // Берёзовский → Берёзовск
                    villages()));
        }
        return places;
    }

    private List<String> villages() {
        List<String> villages = new ArrayList<>(DemoNames.VILLAGES);
        Collections.shuffle(villages, rng);
        return villages;
    }

    private Organisation regionLevel(String code, OrganisationKind kind, String name, String shortName,
                                     String street) {
        String address = "990100, " + OBL + ", г. " + DemoNames.CITIES.get(0) + ", " + street;
        return new Organisation(code, kind, name, shortName, null, null, null, null, Set.of(),
                inn("00"), ogrn("00"), address, OrganisationStatus.ACTIVE, null, null, null, 0);
    }

    private Organisation authority(Place place) {
        String body;
        if (place.code().equals("01")) {
            body = "Департамент образования";
        } else {
            body = switch (rng.nextInt(6)) {
                case 0 -> "Отдел образования";
                case 1 -> "Комитет по образованию";
                default -> "Управление образования";
            };
        }
        return new Organisation(place.authorityCode(), OrganisationKind.MUNICIPAL_AUTHORITY,
                body + " администрации " + place.genitive, body + " " + place.shortGenitive,
                null, null, place.code(), null, Set.of(), inn(place.code()), ogrn(place.code()),
                townAddress(place), OrganisationStatus.ACTIVE, null, null, null, 0);
    }

    // ---- municipal schools

    private List<List<Draft>> municipal(List<Place> places, int target) {
        int[] counts = new int[places.size()];
        int sum = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = i == 0 ? 55 + rng.nextInt(11) : i < CITY_COUNT ? 18 + rng.nextInt(13) : 9 + rng.nextInt(10);
            sum += counts[i];
        }
        // Nudge district sizes until the region has exactly the drawn number of schools.
        while (sum != target) {
            int i = CITY_COUNT + rng.nextInt(counts.length - CITY_COUNT);
            if (sum < target && counts[i] < 25) {
                counts[i]++;
                sum++;
            } else if (sum > target && counts[i] > 6) {
                counts[i]--;
                sum--;
            }
        }
        List<List<Draft>> result = new ArrayList<>();
        for (int i = 0; i < places.size(); i++) {
            Place place = places.get(i);
            int n = counts[i];
            // City districts hold a few villages of their own; a district has its centre town and villages.
            int rural = place.city ? rng.nextInt(i == 0 ? 3 : 4) : n - Math.min(n - 1, 2 + rng.nextInt(4));
            List<Draft> schools = new ArrayList<>();
            for (int k = 0; k < n - rural; k++) {
                schools.add(municipalTownSchool(place, k == 0));
            }
            for (int k = 0; k < rural; k++) {
                schools.add(municipalVillageSchool(place));
            }
            result.add(schools);
        }
        return result;
    }

    private Draft municipalTownSchool(Place place, boolean first) {
        SchoolType type = first ? SchoolType.SOSH : weighted(
                new SchoolType[] {SchoolType.SOSH, SchoolType.SOSH_UIOP, SchoolType.GYMNASIUM, SchoolType.LYCEUM,
                                  SchoolType.OOSH, SchoolType.NSDS},
                place.city ? new int[] {60, 9, 10, 8, 8, 5} : new int[] {75, 6, 8, 4, 7, 0});
        boolean elite = type == SchoolType.GYMNASIUM || type == SchoolType.LYCEUM;
        LegalForm form = rng.nextInt(100) < (elite ? 50 : 15) ? LegalForm.MAOU : LegalForm.MBOU;
        // Numbers skip now and then: schools closed long ago keep their numbers.
        place.townNumber += !first && rng.nextInt(7) == 0 ? 2 : 1;
        String where = " № " + place.townNumber + " г. " + genitive(place.town);
        Draft d = school(place, FounderType.MUNICIPAL, place.authorityCode(), form, type,
                type.full + where, type.abbr + where, SettlementType.CITY, townAddress(place));
        return finish(d);
    }

    private Draft municipalVillageSchool(Place place) {
        SchoolType type = weighted(new SchoolType[] {SchoolType.SOSH, SchoolType.OOSH, SchoolType.NSDS},
                new int[] {55, 33, 12});
        LegalForm form = rng.nextInt(100) < 30 ? LegalForm.MKOU : LegalForm.MBOU;
        String village = (rng.nextInt(10) < 7 ? "с. " : "п. ") + place.villages.pop();
        Draft d = school(place, FounderType.MUNICIPAL, place.authorityCode(), form, type,
                type.full + " " + village, type.abbr + " " + village, SettlementType.RURAL,
                villageAddress(place, village));
        d.suffix = " " + place.genitive;
        return finish(d);
    }

    /** Gives {@code count} branches to rural secondary and basic schools, one or two each. */
    private void addBranches(List<Draft> municipal, int count) {
        List<Draft> heads = new ArrayList<>(municipal.stream()
                .filter(d -> d.settlement == SettlementType.RURAL)
                .filter(d -> d.type == SchoolType.SOSH || d.type == SchoolType.OOSH)
                .toList());
        Collections.shuffle(heads, rng);
        int made = 0;
        for (Draft head : heads) {
            int n = rng.nextInt(5) == 0 ? 2 : 1;
            for (int k = 0; k < n && made < count && !head.place.villages.isEmpty(); k++, made++) {
                head.branches.add(branch(head));
            }
            if (made == count) {
                return;
            }
        }
    }

    private Draft branch(Draft head) {
        String village = (rng.nextInt(10) < 6 ? "д. " : "с. ") + head.place.villages.pop();
        Draft b = new Draft();
        b.place = head.place;
        b.parent = head;
        b.founderType = head.founderType;
        b.founderCode = head.founderCode;
        b.settlement = head.settlement;
        // Branches in villages teach the younger grades; the older ones ride to the head school.
        b.levels = head.type == SchoolType.SOSH && rng.nextBoolean() ? Set.of(NOO, OOO) : Set.of(NOO);
        b.address = villageAddress(head.place, village);
        b.fullName = "Филиал " + head.form.genitive + " «" + head.title + "»" + head.suffix + " в " + village;
        b.shortName = "Филиал " + head.form.abbr + " «" + head.shortTitle + "» в " + village;
        return b;
    }

    /**
     * Closes {@code count} schools in distinct territories, {@code merged} of them into an earlier school
     * of the same territory. Heads of branches and the first school of a territory stay open, so a
     * successor always exists and comes first in the list.
     */
    private void closeSome(List<List<Draft>> byPlace, int count, int merged) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < byPlace.size(); i++) {
            if (byPlace.get(i).size() > 2) {
                order.add(i);
            }
        }
        Collections.shuffle(order, rng);
        int closed = 0;
        for (int i : order) {
            List<Draft> schools = byPlace.get(i);
            int at = 1 + rng.nextInt(schools.size() - 1);
            Draft d = schools.get(at);
            if (!d.branches.isEmpty()) {
                continue;
            }
            // End of a school year, in the recent past; fixed years so output never depends on today.
            d.closedOn = LocalDate.of(2020 + rng.nextInt(5), 8, 31);
            if (closed < merged) {
                d.successor = schools.get(rng.nextInt(at));
            }
            if (++closed == count) {
                return;
            }
        }
    }

    // ---- state, federal and private schools

    private List<Draft> stateSchools(List<Place> places, int count) {
        SchoolType[] types = {SchoolType.CORRECTIONAL_BOARDING, SchoolType.CORRECTIONAL, SchoolType.CADET_BOARDING,
                              SchoolType.CADET, SchoolType.BOARDING, SchoolType.SANATORIUM};
        int[] weights = {30, 20, 15, 10, 15, 10};
        Map<SchoolType, Integer> numbers = new EnumMap<>(SchoolType.class);
        List<Draft> result = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            SchoolType type = weighted(types, weights);
            int number = numbers.merge(type, 1, Integer::sum);
            LegalForm form = type == SchoolType.CORRECTIONAL || type == SchoolType.CORRECTIONAL_BOARDING
                    ? LegalForm.GKOU : LegalForm.GBOU;
            int where = rng.nextInt(10);
            Draft d;
            if (where < 9) {
                // Mostly in cities and district centres, where the children can be brought together.
                Place place = where < 6 ? places.get(rng.nextInt(CITY_COUNT)) : districtOf(places);
                String at = " № " + number + " г. " + genitive(place.town);
                d = school(place, FounderType.STATE, DemoRegion.MINISTRY_CODE, form, type, type.full + at,
                        type.abbr + at, SettlementType.CITY, townAddress(place));
            } else {
                Place place = districtOf(places);
                String village = "с. " + place.villages.pop();
                String at = " № " + number + " " + village;
                d = school(place, FounderType.STATE, DemoRegion.MINISTRY_CODE, form, type, type.full + at,
                        type.abbr + at, SettlementType.RURAL, villageAddress(place, village));
            }
            result.add(finish(d));
        }
        return result;
    }

    private record FederalSpec(LegalForm form, String title, String shortTitle, Set<EducationLevel> levels,
                               int placeIndex, boolean village) {
    }

    /** Schools of federal bodies; place index 0 is the capital, 6 and up are districts. */
    private static final List<FederalSpec> FEDERAL = List.of(
            new FederalSpec(LegalForm.FGKOU,
                    "Новоградское президентское кадетское училище Министерства обороны Российской Федерации",
                    "Новоградское ПКУ", Set.of(OOO, SOO), 0, false),
            new FederalSpec(LegalForm.FGAOU, "Университетский лицей Новоградского федерального университета",
                    "Университетский лицей НФУ", Set.of(OOO, SOO), 0, false),
            new FederalSpec(LegalForm.FGKOU, "Кадетская школа Министерства Российской Федерации по делам "
                    + "гражданской обороны, чрезвычайным ситуациям и ликвидации последствий стихийных бедствий",
                    "Кадетская школа МЧС России", Set.of(OOO, SOO), 1, false),
            new FederalSpec(LegalForm.FGKOU, "Кадетский корпус Министерства внутренних дел Российской Федерации",
                    "Кадетский корпус МВД России", Set.of(OOO, SOO), 9, false),
            new FederalSpec(LegalForm.FGKOU,
                    "Средняя общеобразовательная школа № 150 Министерства обороны Российской Федерации",
                    "СОШ № 150 Минобороны России", Set.of(NOO, OOO, SOO), 20, true));

    private List<Draft> federalSchools(List<Place> places) {
        List<Draft> result = new ArrayList<>();
        for (FederalSpec spec : FEDERAL) {
            Place place = places.get(spec.placeIndex());
            // A garrison school sits in a village of its own, hence a rural federal school.
            String address = spec.village() ? villageAddress(place, "п. " + place.villages.pop()) : townAddress(place);
            Draft d = school(place, FounderType.FEDERAL, null, spec.form(), null, spec.title(), spec.shortTitle(),
                    spec.village() ? SettlementType.RURAL : SettlementType.CITY,
                    address);
            d.levels = spec.levels();
            result.add(finish(d));
        }
        return result;
    }

    private List<Draft> privateSchools(List<Place> places, int count) {
        List<String> brands = new ArrayList<>(DemoNames.PRIVATE_BRANDS);
        Collections.shuffle(brands, rng);
        SchoolType[] types = {SchoolType.SOSH, SchoolType.GYMNASIUM, SchoolType.LYCEUM, SchoolType.PRIMARY,
                              SchoolType.SCHOOL};
        int[] weights = {30, 20, 10, 15, 25};
        List<Draft> result = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            SchoolType type = weighted(types, weights);
            String brand = " «" + brands.get(k) + "»";
            int where = rng.nextInt(20);
            // Private schools follow the paying parents: the capital first, then the other cities.
            Place place = where < 9 ? places.get(0) : where < 17 ? places.get(1 + rng.nextInt(CITY_COUNT - 1))
                    : districtOf(places);
            LegalForm form = rng.nextInt(5) == 0 ? LegalForm.ANOO : LegalForm.CHOU;
            result.add(finish(school(place, FounderType.PRIVATE, null, form, type, type.full + brand,
                    type.abbr + brand, SettlementType.CITY, townAddress(place))));
        }
        return result;
    }

    // ---- helpers

    private Draft school(Place place, FounderType founderType, String founderCode, LegalForm form, SchoolType type,
                         String title, String shortTitle, SettlementType settlement,
                         String address) {
        Draft d = new Draft();
        d.place = place;
        d.founderType = founderType;
        d.founderCode = founderCode;
        d.form = form;
        d.type = type;
        d.title = title;
        d.shortTitle = shortTitle;
        d.settlement = settlement;
        d.levels = type == null ? Set.of() : type.levels;
        d.address = address;
        // A few schools lack tax identifiers, as in real registries, so consumers see the gap.
        if (rng.nextInt(25) != 0) {
            d.inn = inn(place.code());
            d.ogrn = ogrn(place.code());
        }
        return d;
    }

    private static Draft finish(Draft d) {
        d.fullName = d.form.full + " «" + d.title + "»" + d.suffix;
        d.shortName = d.form.abbr + " «" + d.shortTitle + "»";
        return d;
    }

    private Organisation emit(Draft d) {
        d.code = DemoRegion.REGION_CODE + d.place.code() + String.format(Locale.ROOT, "%03d", ++d.place.sequence);
        return new Organisation(d.code, OrganisationKind.SCHOOL, d.fullName, d.shortName, d.founderType,
                d.founderCode, d.place.code(), d.settlement, d.levels, d.inn, d.ogrn, d.address,
                d.closedOn == null ? OrganisationStatus.ACTIVE : OrganisationStatus.CLOSED, d.closedOn,
                d.parent == null ? null : d.parent.code, d.successor == null ? null : d.successor.code, 0);
    }

    private Place districtOf(List<Place> places) {
        return places.get(CITY_COUNT + rng.nextInt(places.size() - CITY_COUNT));
    }

    private <T> T weighted(T[] items, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = rng.nextInt(total);
        for (int i = 0; i < items.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return items[i];
            }
        }
        throw new IllegalStateException("weights");
    }

    private String townAddress(Place place) {
        String town = place.city ? "г. " + place.town : place.area + ", г. " + place.town;
        return postcode(place) + ", " + OBL + ", " + town + ", "
                + DemoNames.TOWN_STREETS.get(rng.nextInt(DemoNames.TOWN_STREETS.size())) + ", " + house();
    }

    private String villageAddress(Place place, String village) {
        return postcode(place) + ", " + OBL + ", " + place.area + ", " + village + ", "
                + DemoNames.VILLAGE_STREETS.get(rng.nextInt(DemoNames.VILLAGE_STREETS.size())) + ", " + house();
    }

    /** Russian postcodes never start with 99, so these cannot reach anybody's real mailbox. */
    private String postcode(Place place) {
        return "99" + place.code() + twoDigits(1 + rng.nextInt(99));
    }

    private String house() {
        return "д. " + (1 + rng.nextInt(120)) + (rng.nextInt(12) == 0 ? "А" : "");
    }

    private String inn(String territory) {
        String inn;
        do {
            inn = "99" + territory + digits(5);
            inn += TaxIds.innCheckDigit(inn);
        } while (!usedInns.add(inn));
        return inn;
    }

    private String ogrn(String territory) {
        String ogrn;
        do {
            // 1, year of registration, region, tax office, serial: the real OGRN layout.
            ogrn = "1" + twoDigits(2 + rng.nextInt(19)) + "99" + territory + digits(5);
            ogrn += TaxIds.ogrnCheckDigit(ogrn);
        } while (!usedOgrns.add(ogrn));
        return ogrn;
    }

    private String digits(int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append((char) ('0' + rng.nextInt(10)));
        }
        return s.toString();
    }

    private static String twoDigits(int n) {
        return String.format(Locale.ROOT, "%02d", n);
    }

    /** Cities and district centres all end in a consonant: Новоградск → Новоградска. */
    private static String genitive(String town) {
        return town + "а";
    }
}
