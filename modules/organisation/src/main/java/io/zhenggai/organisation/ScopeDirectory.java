package io.zhenggai.organisation;

import io.zhenggai.api.finance.RuleBookIds;
import io.zhenggai.api.inspection.InspectionEvents.InspectionOrganisationsAssignedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessGrantedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessRevokedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.OrganisationRegisteredEvent;
import io.zhenggai.api.organisation.OrganisationKind;
import io.zhenggai.api.organisation.OrganisationQueries.*;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.api.publication.PublicationEvents.NoticeDraftCreatedEvent;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.organisation.command.OrganisationDirectory;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * The scope read model: the organisation tree, the grants of every account, and which organisations an object
 * belongs to (an inspection: its unit and its group; its rectification and its notices: the inspection's). Runs in a
 * <em>subscribing</em> processor ({@code query.ScopeProcessingConfig}), so it is written in the transaction that stores the
 * events: a grant or a revocation holds from its commit on, on every node, and an inspection scheduled with its
 * organisations is in scope for the very next command. It knows nothing of who may do what; the enforcement (in the
 * assembly) asks it {@link #covers} and {@link #scopeOf}.
 */
@Component
@ProcessingGroup(ScopeDirectory.GROUP)
public class ScopeDirectory implements OrganisationDirectory {

    public static final String GROUP = "organisation-scope";

    /** The organisations an object belongs to; either may be null. */
    public record ObjectScope(String inspectionId, String unitId, String groupId) {
    }

    private final JdbcClient jdbc;

    ScopeDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(OrganisationRegisteredEvent e) {
        jdbc.sql("""
                        insert into organisation (organisation_id, name, kind, parent_id) values (:id, :name, :kind, :parent)
                        on conflict (organisation_id) do nothing""")
                .param("id", e.organisationId()).param("name", e.name()).param("kind", e.kind().name())
                .param("parent", e.parentId()).update();
    }

    @EventHandler
    void on(AccessGrantedEvent e) {
        RoleGrant g = e.grant();
        jdbc.sql("""
                        insert into organisation_grant (username, role, organisation_id, include_descendants)
                        values (:u, :r, :o, :d) on conflict do nothing""")
                .param("u", e.username()).param("r", g.role()).param("o", g.organisationId()).param("d", g.includeDescendants())
                .update();
    }

    @EventHandler
    void on(AccessRevokedEvent e) {
        RoleGrant g = e.grant();
        jdbc.sql("""
                        delete from organisation_grant
                        where username = :u and role = :r and organisation_id = :o and include_descendants = :d""")
                .param("u", e.username()).param("r", g.role()).param("o", g.organisationId()).param("d", g.includeDescendants())
                .update();
    }

    @EventHandler
    void on(InspectionOrganisationsAssignedEvent e) {
        jdbc.sql("""
                        insert into organisation_inspection (inspection_id, unit_id, group_id) values (:id, :unit, :group)
                        on conflict (inspection_id) do update set unit_id = excluded.unit_id, group_id = excluded.group_id""")
                .param("id", e.inspectionId()).param("unit", e.inspectedUnitId()).param("group", e.inspectingGroupId())
                .update();
    }

    @EventHandler
    void on(NoticeDraftCreatedEvent e) {
        if (e.inspectionId() != null) {
            jdbc.sql("insert into organisation_object (aggregate_id, inspection_id) values (:id, :i) on conflict do nothing")
                    .param("id", e.noticeId()).param("i", e.inspectionId()).update();
        }
    }

    @QueryHandler
    OrganisationsOf handle(FindOrganisationsOfQuery query) {
        return scopeOf(query.aggregateId()).filter(s -> s.unitId() != null || s.groupId() != null)
                .map(s -> new OrganisationsOf(query.aggregateId(), s.unitId(), s.groupId())).orElse(null);
    }

    @Override
    public boolean exists(String organisationId) {
        return jdbc.sql("select count(*) from organisation where organisation_id = :id").param("id", organisationId)
                .query(Long.class).single() > 0;
    }

    /** The inspection an aggregate belongs to: itself, the inspection of a rectification, or that of a notice. */
    public Optional<String> inspectionOf(String aggregateId) {
        if (aggregateId == null) {
            return Optional.empty();
        }
        if (aggregateId.startsWith(RectificationIds.PREFIX)) {
            return Optional.of(RectificationIds.inspectionOf(aggregateId));
        }
        Optional<String> derived = jdbc.sql("select inspection_id from organisation_object where aggregate_id = :id")
                .param("id", aggregateId).query(String.class).optional();
        return derived.isPresent() ? derived : Optional.of(aggregateId);
    }

    /** The organisations of an aggregate, or empty when it belongs to none (an inspection never assigned). */
    public Optional<ObjectScope> scopeOf(String aggregateId) {
        if (aggregateId != null && aggregateId.startsWith(RuleBookIds.PREFIX)) {
            return ruleBookScope(aggregateId.substring(RuleBookIds.PREFIX.length()));
        }
        return inspectionOf(aggregateId).flatMap(inspection -> jdbc.sql(
                        "select inspection_id, unit_id, group_id from organisation_inspection where inspection_id = :id")
                .param("id", inspection)
                .query((rs, n) -> new ObjectScope(rs.getString(1), rs.getString(2), rs.getString(3))).optional());
    }

    /** A unit's rule book belongs to the unit of that name (a rule book is keyed by the unit's name, not its id). */
    private Optional<ObjectScope> ruleBookScope(String unitName) {
        List<String> units = jdbc.sql("select organisation_id from organisation where kind = 'UNIT' and name = :name")
                .param("name", RuleBookIds.normalizeUnit(unitName)).query(String.class).list();
        return units.size() == 1 ? Optional.of(new ObjectScope(null, units.get(0), null)) : Optional.empty();
    }

    /**
     * True when {@code username} holds one of {@code roles} on {@code organisationId} itself, or on an organisation
     * above it with {@code includeDescendants}.
     */
    public boolean covers(String username, Collection<String> roles, String organisationId) {
        if (organisationId == null || roles.isEmpty()) {
            return false;
        }
        return jdbc.sql("""
                        with recursive up (id, depth) as (
                            select cast(:org as text), 0
                            union all
                            select o.parent_id, up.depth + 1 from organisation o join up on o.organisation_id = up.id
                            where o.parent_id is not null and up.depth < 32)
                        select count(*) from organisation_grant g join up on g.organisation_id = up.id
                        where g.username = :u and g.role in (:roles) and (up.depth = 0 or g.include_descendants)""")
                .param("org", organisationId).param("u", username).param("roles", roles)
                .query(Long.class).single() > 0;
    }

    /**
     * Every organisation {@code username} reaches with one of {@code roles}: the organisations granted, and everything
     * under those granted with {@code includeDescendants}.
     */
    public List<String> reachable(String username, Collection<String> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        with recursive down (id, descend) as (
                            select organisation_id, bool_or(include_descendants) from organisation_grant
                            where username = :u and role in (:roles) group by organisation_id
                            union
                            select o.organisation_id, true from organisation o join down on o.parent_id = down.id
                            where down.descend)
                        select distinct id from down order by id""")
                .param("u", username).param("roles", roles).query(String.class).list();
    }

    /** The inspections whose unit or group is among {@code organisations}. */
    public List<String> inspectionsOf(Collection<String> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select inspection_id from organisation_inspection
                        where unit_id in (:orgs) or group_id in (:orgs) order by inspection_id""")
                .param("orgs", organisations).query(String.class).list();
    }

    /** Every inspection that belongs to some organisation (the others are reachable by bare roles only). */
    public List<String> assignedInspections() {
        return jdbc.sql("select inspection_id from organisation_inspection order by inspection_id").query(String.class).list();
    }

    /**
     * The rule books of {@code organisations}: a rule book belongs to the registered {@code UNIT} of its name, when
     * exactly one has that name (as {@link #scopeOf} decides for one rule book).
     */
    public Set<String> ruleBooksOf(Collection<String> organisations) {
        if (organisations.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("""
                        select o.name from organisation o
                        where o.kind = 'UNIT' and o.organisation_id in (:orgs)
                          and (select count(*) from organisation same where same.kind = 'UNIT' and same.name = o.name) = 1""")
                .param("orgs", organisations).query(String.class).list().stream().map(RuleBookIds::of).toList());
    }

    /** Every rule book that belongs to some organisation (the others are reachable by bare roles only). */
    public Set<String> assignedRuleBooks() {
        return Set.copyOf(jdbc.sql("""
                        select name from organisation where kind = 'UNIT' group by name having count(*) = 1""")
                .query(String.class).list().stream().map(RuleBookIds::of).toList());
    }

    /** The aggregates of {@code inspections}: each inspection, its rectification and its notices. */
    public Set<String> objectsOf(Collection<String> inspections) {
        Set<String> objects = new HashSet<>();
        for (String i : inspections) {
            objects.add(i);
            objects.add(RectificationIds.forInspection(i));
        }
        if (!inspections.isEmpty()) {
            objects.addAll(jdbc.sql("select aggregate_id from organisation_object where inspection_id in (:ids)")
                    .param("ids", inspections).query(String.class).list());
        }
        return objects;
    }

    @QueryHandler
    OrganisationList handle(ListOrganisationsQuery query) {
        return new OrganisationList(jdbc.sql("select organisation_id, name, kind, parent_id from organisation order by organisation_id")
                .query((rs, n) -> {
                    OrganisationKind kind = OrganisationKind.valueOf(rs.getString(3));
                    return new OrganisationView(rs.getString(1), rs.getString(2), kind, kind.label(), rs.getString(4));
                }).list());
    }

    @QueryHandler
    AccessGrantList handle(FindAccessGrantsQuery query) {
        return new AccessGrantList(query.username(), grantsOf(query.username()));
    }

    public List<RoleGrant> grantsOf(String username) {
        return jdbc.sql("""
                        select role, organisation_id, include_descendants from organisation_grant where username = :u
                        order by role, organisation_id, include_descendants""")
                .param("u", username).query((rs, n) -> new RoleGrant(rs.getString(1), rs.getString(2), rs.getBoolean(3))).list();
    }
}
