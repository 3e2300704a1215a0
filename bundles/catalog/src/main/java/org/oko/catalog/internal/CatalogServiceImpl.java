package org.oko.catalog.internal;

import static org.oko.catalog.internal.CatalogTexts.TEXTS;

import static org.oko.catalog.api.CatalogException.Reason.CONFLICT;
import static org.oko.catalog.api.CatalogException.Reason.INVALID;
import static org.oko.catalog.api.CatalogException.Reason.NOT_FOUND;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import javax.persistence.EntityManager;
import javax.persistence.TypedQuery;

import org.apache.aries.jpa.template.JpaTemplate;
import org.oko.catalog.api.CatalogException;
import org.oko.catalog.api.CatalogService;
import org.oko.catalog.api.Contacts;
import org.oko.catalog.api.Organisation;
import org.oko.catalog.api.OrganisationFilter;
import org.oko.catalog.api.OrganisationStatus;
import org.oko.catalog.api.Page;
import org.oko.catalog.api.Region;
import org.oko.catalog.api.Territory;
import org.oko.platform.api.security.Scope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/** The catalog on JPA. Checks references between organisations itself, since rows refer to each other by code. */
@Component(service = {CatalogService.class, CatalogStore.class}, configurationPid = "org.oko.catalog",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = CatalogConfig.class)
public class CatalogServiceImpl implements CatalogService, CatalogStore {

    static final int MAX_PAGE_SIZE = 1000;

    @Reference(target = "(osgi.unit.name=oko-catalog)")
    private JpaTemplate jpa;

    private volatile Region region;
    private volatile CatalogConfig config;

    @Activate
    @Modified
    void configure(CatalogConfig config) {
        this.config = config;
        this.region = new Region(config.region_code(), config.region_name());
    }

    CatalogConfig config() {
        return config;
    }

    @Override
    public Region region() {
        return region;
    }

    @Override
    public List<Territory> territories() {
        CatalogAccess.reader();
        return jpa.txExpr(em -> em.createQuery("SELECT t FROM TerritoryEntity t ORDER BY t.code", TerritoryEntity.class)
                .getResultList().stream().map(TerritoryEntity::toTerritory).collect(Collectors.toList()));
    }

    @Override
    public Optional<Territory> territory(String code) {
        CatalogAccess.reader();
        return jpa.txExpr(em -> findTerritory(em, code).map(TerritoryEntity::toTerritory));
    }

    @Override
    public Territory saveTerritory(Territory territory) {
        CatalogAccess.writer();
        CatalogValidation.territory(territory);
        return jpa.txExpr(em -> {
            Optional<TerritoryEntity> existing = findTerritory(em, territory.code());
            TerritoryEntity entity;
            if (existing.isPresent()) {
                entity = existing.get();
                checkVersion("catalog.changed-by-another.territory", territory.code(), entity.getVersion(), territory.version());
            } else {
                if (territory.version() != 0) {
                    throw CatalogTexts.refusal(NOT_FOUND, "catalog.territory-not-found", territory.code());
                }
                entity = new TerritoryEntity(territory.code());
                em.persist(entity);
            }
            entity.apply(territory);
            em.flush();
            return entity.toTerritory();
        });
    }

    @Override
    public Optional<Organisation> organisation(String code) {
        if (!CatalogAccess.reader().scope().contains(code)) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> find(em, code).map(OrganisationEntity::toOrganisation));
    }

    @Override
    public Page<Organisation> organisations(OrganisationFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw CatalogTexts.refusal(INVALID, "catalog.page-invalid", page, size, MAX_PAGE_SIZE);
        }
        OrganisationQuery query = new OrganisationQuery(filter == null ? OrganisationFilter.ALL : filter,
                CatalogAccess.reader().scope());
        if (query.empty()) {
            return new Page<>(List.of(), 0, page, size);
        }
        return jpa.txExpr(em -> {
            TypedQuery<Long> count = em.createQuery("SELECT COUNT(o) FROM OrganisationEntity o" + query.where(), Long.class);
            query.bind(count);
            TypedQuery<OrganisationEntity> select = em.createQuery(
                    "SELECT o FROM OrganisationEntity o" + query.where() + " ORDER BY o.code", OrganisationEntity.class);
            query.bind(select);
            select.setFirstResult(page * size).setMaxResults(size);
            List<Organisation> items = select.getResultList().stream().map(OrganisationEntity::toOrganisation)
                    .collect(Collectors.toList());
            return new Page<>(items, count.getSingleResult(), page, size);
        });
    }

    /** Every organisation matching the filter, sorted by code: for exports. */
    @Override
    public List<Organisation> all(OrganisationFilter filter) {
        OrganisationQuery query = new OrganisationQuery(filter == null ? OrganisationFilter.ALL : filter,
                CatalogAccess.reader().scope());
        if (query.empty()) {
            return List.of();
        }
        return jpa.txExpr(em -> {
            TypedQuery<OrganisationEntity> select = em.createQuery(
                    "SELECT o FROM OrganisationEntity o" + query.where() + " ORDER BY o.code", OrganisationEntity.class);
            query.bind(select);
            return select.getResultList().stream().map(OrganisationEntity::toOrganisation).collect(Collectors.toList());
        });
    }

    @Override
    public Organisation create(Organisation organisation) {
        CatalogAccess.writer();
        return jpa.txExpr(em -> {
            if (find(em, organisation.code()).isPresent()) {
                throw CatalogTexts.refusal(CONFLICT, "catalog.organisation-exists", organisation.code());
            }
            checkReferences(em, organisation);
            OrganisationEntity entity = new OrganisationEntity(organisation.code());
            entity.apply(organisation);
            em.persist(entity);
            em.flush();
            return entity.toOrganisation();
        });
    }

    @Override
    public Organisation update(Organisation organisation) {
        CatalogAccess.writer();
        return jpa.txExpr(em -> {
            OrganisationEntity entity = require(em, organisation.code());
            checkVersion("catalog.changed-by-another.organisation", organisation.code(), entity.getVersion(), organisation.version());
            checkReferences(em, organisation);
            entity.apply(organisation);
            em.flush();
            return entity.toOrganisation();
        });
    }

    @Override
    public Organisation close(String code, LocalDate closedOn, String successorCode, long version) {
        CatalogAccess.writer();
        if (closedOn == null) {
            throw CatalogTexts.refusal(INVALID, "catalog.closing-date-missing");
        }
        return jpa.txExpr(em -> {
            OrganisationEntity entity = require(em, code);
            Organisation current = entity.toOrganisation();
            checkVersion("catalog.changed-by-another.organisation", code, entity.getVersion(), version);
            if (current.status() == OrganisationStatus.CLOSED) {
                throw CatalogTexts.refusal(CONFLICT, "catalog.already-closed", code, Dates.format(current.closedOn()));
            }
            if (code.equals(successorCode)) {
                throw CatalogTexts.refusal(INVALID, "catalog.own-successor");
            }
            Organisation closed = new Organisation(current.code(), current.kind(), current.fullName(), current.shortName(),
                    current.founderType(), current.founderCode(), current.territoryCode(), current.settlementType(),
                    current.levels(), current.inn(), current.ogrn(), current.address(), OrganisationStatus.CLOSED,
                    closedOn, current.parentCode(), successorCode, version);
            checkReferences(em, closed);
            entity.apply(closed);
            em.flush();
            return entity.toOrganisation();
        });
    }

    /**
     * Writes the organisations of an import in one transaction: all or nothing. Each carries the
     * version it was planned against; a concurrent change in between fails the whole import.
     */
    @Override
    public void saveAll(List<Organisation> organisations) {
        saveAll(List.of(), organisations);
    }

    @Override
    public void saveAll(List<Territory> newTerritories, List<Organisation> organisations) {
        saveAll(newTerritories, organisations, Map.of());
    }

    @Override
    public void saveAll(List<Territory> newTerritories, List<Organisation> organisations, Map<String, Contacts> contacts) {
        CatalogAccess.writer();
        newTerritories.forEach(CatalogValidation::territory);
        Map<String, Contacts> checkedContacts = new HashMap<>();
        contacts.forEach((code, given) -> checkedContacts.put(code, ContactsRules.checked(code, given)));
        jpa.tx(em -> {
            for (Territory territory : newTerritories) {
                if (findTerritory(em, territory.code()).isPresent()) {
                    throw new CatalogException(CONFLICT, "catalog.import-conflict", TEXTS.text("catalog.import-conflict.territory", territory.code()));
                }
                TerritoryEntity entity = new TerritoryEntity(territory.code());
                em.persist(entity);
                entity.apply(territory);
            }
            // One read of everything, then checks in memory: an import is one query, not one per row.
            Map<String, OrganisationEntity> stored = new HashMap<>();
            for (OrganisationEntity entity : em.createQuery("SELECT o FROM OrganisationEntity o", OrganisationEntity.class)
                    .getResultList()) {
                stored.put(entity.getCode(), entity);
            }
            Set<String> territories = em.createQuery("SELECT t.code FROM TerritoryEntity t", String.class)
                    .getResultList().stream().collect(Collectors.toCollection(HashSet::new));
            newTerritories.forEach(t -> territories.add(t.code()));
            Set<String> inFile = organisations.stream().map(Organisation::code).collect(Collectors.toSet());
            for (Organisation organisation : organisations) {
                checkReferences(organisation, territories::contains,
                        code -> inFile.contains(code) || stored.containsKey(code));
                OrganisationEntity entity = stored.get(organisation.code());
                if (entity == null) {
                    if (organisation.version() != 0) {
                        throw new CatalogException(CONFLICT, "catalog.import-conflict", TEXTS.text("catalog.import-conflict.organisation", organisation.code()));
                    }
                    entity = new OrganisationEntity(organisation.code());
                    em.persist(entity);
                } else {
                    checkVersion("catalog.changed-by-another.organisation", organisation.code(), entity.getVersion(), organisation.version());
                }
                entity.apply(organisation);
            }
            em.flush();
            ContactsTable.saveAll(em, checkedContacts, code -> inFile.contains(code) || stored.containsKey(code));
        });
    }

    @Override
    public Optional<Contacts> contacts(String code) {
        if (!CatalogAccess.reader().scope().contains(code)) {
            return Optional.empty();
        }
        return jpa.txExpr(em -> ContactsTable.find(em, code).map(ContactsEntity::toContacts));
    }

    @Override
    public Map<String, Contacts> allContacts() {
        Scope scope = CatalogAccess.reader().scope();
        return jpa.txExpr(em -> ContactsTable.all(em, scope));
    }

    @Override
    public Contacts saveContacts(String code, Contacts contacts) {
        CatalogAccess.contactsWriter(code);
        Contacts checked = ContactsRules.checked(code, contacts);
        return jpa.txExpr(em -> {
            require(em, code);
            return ContactsTable.save(em, code, checked);
        });
    }

    @Override
    public Set<String> subtree(String organisationCode) {
        Scope scope = CatalogAccess.reader().scope();
        if (!scope.contains(organisationCode)) {
            throw CatalogTexts.refusal(NOT_FOUND, "catalog.organisation-not-found", organisationCode);
        }
        return jpa.txExpr(em -> {
            require(em, organisationCode);
            Set<String> result = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(organisationCode));
            while (!todo.isEmpty()) {
                String code = todo.pop();
                if (scope.contains(code) && result.add(code)) {
                    todo.addAll(codes(em, "SELECT o.code FROM OrganisationEntity o WHERE o.parentCode = :c OR o.founderCode = :c", code));
                }
            }
            return result;
        });
    }

    @Override
    public Set<String> underTerritory(String territoryCode) {
        Scope scope = CatalogAccess.reader().scope();
        return jpa.txExpr(em -> {
            if (findTerritory(em, territoryCode).isEmpty()) {
                throw CatalogTexts.refusal(NOT_FOUND, "catalog.territory-not-found", territoryCode);
            }
            return codes(em, "SELECT o.code FROM OrganisationEntity o WHERE o.territoryCode = :c ORDER BY o.code", territoryCode)
                    .stream().filter(scope::contains).collect(Collectors.toCollection(LinkedHashSet::new));
        });
    }

    @Override
    public Set<String> underFounder(String founderCode) {
        Set<String> result = subtree(founderCode);
        result.remove(founderCode);
        return result;
    }

    private static List<String> codes(EntityManager em, String jpql, String code) {
        return em.createQuery(jpql, String.class).setParameter("c", code).getResultList();
    }

    /** Territory, founder, head organisation and successor must exist (looked up in the database). */
    private void checkReferences(EntityManager em, Organisation organisation) {
        checkReferences(organisation, code -> findTerritory(em, code).isPresent(), code -> find(em, code).isPresent());
    }

    private static void checkReferences(Organisation organisation, Predicate<String> territoryExists,
                                        Predicate<String> organisationExists) {
        List<String> problems = new ArrayList<>(CatalogValidation.organisation(organisation));
        if (organisation.territoryCode() != null && !territoryExists.test(organisation.territoryCode())) {
            problems.add(TEXTS.ru("catalog.problem.territory-unknown", organisation.territoryCode()));
        }
        checkExists(organisationExists, organisation.founderCode(), "catalog.problem.founder-unknown", problems);
        checkExists(organisationExists, organisation.parentCode(), "catalog.problem.parent-unknown", problems);
        checkExists(organisationExists, organisation.successorCode(), "catalog.problem.successor-unknown", problems);
        if (organisation.code() != null
                && (organisation.code().equals(organisation.parentCode()) || organisation.code().equals(organisation.founderCode()))) {
            problems.add(TEXTS.ru("catalog.problem.self-reference"));
        }
        if (!problems.isEmpty()) {
            throw CatalogTexts.refusal(INVALID, "catalog.organisation-invalid", organisation.code(), String.join("; ", problems));
        }
    }

    private static void checkExists(Predicate<String> exists, String code, String key, List<String> problems) {
        if (code != null && !exists.test(code)) {
            problems.add(TEXTS.ru(key, code));
        }
    }

    private static void checkVersion(String key, String code, long stored, long given) {
        if (stored != given) {
            throw new CatalogException(CONFLICT, "catalog.changed-by-another", TEXTS.text(key, code, stored, given));
        }
    }

    private static OrganisationEntity require(EntityManager em, String code) {
        return find(em, code).orElseThrow(() -> CatalogTexts.refusal(NOT_FOUND, "catalog.organisation-not-found", code));
    }

    private static Optional<OrganisationEntity> find(EntityManager em, String code) {
        return em.createQuery("SELECT o FROM OrganisationEntity o WHERE o.code = :code", OrganisationEntity.class)
                .setParameter("code", code).getResultList().stream().findFirst();
    }

    private static Optional<TerritoryEntity> findTerritory(EntityManager em, String code) {
        return em.createQuery("SELECT t FROM TerritoryEntity t WHERE t.code = :code", TerritoryEntity.class)
                .setParameter("code", code).getResultList().stream().findFirst();
    }
}
