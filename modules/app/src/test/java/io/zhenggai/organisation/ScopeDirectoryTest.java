package io.zhenggai.organisation;

import io.zhenggai.api.inspection.InspectionEvents.InspectionOrganisationsAssignedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessGrantedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessRevokedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.OrganisationRegisteredEvent;
import io.zhenggai.api.organisation.OrganisationKind;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.api.rectification.RectificationIds;
import io.zhenggai.app.support.ProjectionRun;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scope directory on real PostgreSQL (giftcard's {@code CardSummaryProjectionTest} shape): its handlers are called
 * with the organisation and inspection events, and its questions ({@code covers}, {@code scopeOf}) are answered from
 * what it wrote.
 */
class ScopeDirectoryTest {

    static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");
    static final RoleGrant AUDITOR_BELOW_NANHAI = new RoleGrant("AUDITOR", "nanhai", true);

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("scopedirectory");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    ScopeDirectory directory;

    @BeforeEach
    void setUp() {
        for (String table : List.of("organisation_object", "organisation_inspection", "organisation_grant", "organisation")) {
            run.jdbc.sql("delete from " + table).update();
        }
        directory = new ScopeDirectory(run.jdbc);
    }

    static List<DomainEventMessage<?>> tree() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(ProjectionRun.event("nanhai", 0, T0,
                new OrganisationRegisteredEvent("nanhai", "佛山市南海区", OrganisationKind.REGION, null)));
        events.add(ProjectionRun.event("nanhai-tzb", 0, T0,
                new OrganisationRegisteredEvent("nanhai-tzb", "区委统战部", OrganisationKind.UNIT, "nanhai")));
        events.add(ProjectionRun.event("account:auditor", 0, T0, new AccessGrantedEvent("auditor", AUDITOR_BELOW_NANHAI)));
        events.add(ProjectionRun.event("insp-7", 1, T0, new InspectionOrganisationsAssignedEvent("insp-7", "nanhai-tzb", null)));
        return events;
    }

    @Test
    void aGrantWithDescendantsCoversTheUnitsBelowAndARectificationBelongsToItsInspectionsUnit() {
        assertThat(run.apply(directory, tree(), 10)).isEmpty();

        assertThat(directory.exists("nanhai-tzb")).isTrue();
        assertThat(directory.covers("auditor", Set.of("AUDITOR"), "nanhai-tzb")).isTrue();
        assertThat(directory.covers("auditor", Set.of("RECTIFIER"), "nanhai-tzb")).isFalse();
        assertThat(directory.scopeOf(RectificationIds.forInspection("insp-7")))
                .contains(new ScopeDirectory.ObjectScope("insp-7", "nanhai-tzb", null));
    }

    @Test
    void aRevokedGrantCoversNothingFromThenOnAndARedeliveryChangesNothing() {
        List<DomainEventMessage<?>> events = new ArrayList<>(tree());
        events.addAll(tree());
        events.add(ProjectionRun.event("account:auditor", 1, T0, new AccessRevokedEvent("auditor", AUDITOR_BELOW_NANHAI)));
        assertThat(run.apply(directory, events, 3)).isEmpty();

        assertThat(directory.covers("auditor", Set.of("AUDITOR"), "nanhai-tzb")).isFalse();
        assertThat(run.jdbc.sql("select count(*) from organisation").query(Long.class).single()).isEqualTo(2);
    }
}
