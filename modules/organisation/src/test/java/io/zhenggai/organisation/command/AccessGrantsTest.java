package io.zhenggai.organisation.command;

import io.zhenggai.api.organisation.OrganisationCommands.SetAccessGrantsCommand;
import io.zhenggai.api.organisation.OrganisationEvents.AccessGrantedEvent;
import io.zhenggai.api.organisation.OrganisationEvents.AccessRevokedEvent;
import io.zhenggai.api.organisation.RoleGrant;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

class AccessGrantsTest {

    private static final String USER = "rectifier_a";
    private static final RoleGrant RECTIFIER_A = new RoleGrant("RECTIFIER", "unit-a", false);
    private static final RoleGrant LEADER_A = new RoleGrant("UNIT_LEADER", "unit-a", false);
    private static final RoleGrant AUDITOR_DISTRICT = new RoleGrant("AUDITOR", "district", true);

    private AggregateTestFixture<AccessGrants> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(AccessGrants.class);
        Set<String> known = Set.of("unit-a", "unit-b", "district");
        fixture.registerInjectableResource((OrganisationDirectory) known::contains);
    }

    @Test
    void grantsEachRoleOfAFirstSetting() {
        fixture.givenNoPriorActivity()
                .when(new SetAccessGrantsCommand(USER, List.of(RECTIFIER_A, AUDITOR_DISTRICT)))
                .expectEvents(new AccessGrantedEvent(USER, RECTIFIER_A), new AccessGrantedEvent(USER, AUDITOR_DISTRICT));
    }

    @Test
    void revokesTheGrantsLeftOutAndGrantsOnlyTheNewOnes() {
        fixture.given(new AccessGrantedEvent(USER, RECTIFIER_A), new AccessGrantedEvent(USER, AUDITOR_DISTRICT))
                .when(new SetAccessGrantsCommand(USER, List.of(AUDITOR_DISTRICT, LEADER_A)))
                .expectEvents(new AccessRevokedEvent(USER, RECTIFIER_A), new AccessGrantedEvent(USER, LEADER_A));
    }

    @Test
    void recordsNothingWhenTheGrantsAreTheSame() {
        fixture.given(new AccessGrantedEvent(USER, RECTIFIER_A))
                .when(new SetAccessGrantsCommand(USER, List.of(RECTIFIER_A)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void revokesEverythingWhenNoGrantIsLeft() {
        fixture.given(new AccessGrantedEvent(USER, RECTIFIER_A), new AccessGrantedEvent(USER, LEADER_A))
                .when(new SetAccessGrantsCommand(USER, List.of()))
                .expectEvents(new AccessRevokedEvent(USER, RECTIFIER_A), new AccessRevokedEvent(USER, LEADER_A));
    }

    @Test
    void aGrantThatNowIncludesDescendantsIsANewGrant() {
        RoleGrant withDescendants = new RoleGrant("RECTIFIER", "unit-a", true);
        fixture.given(new AccessGrantedEvent(USER, RECTIFIER_A))
                .when(new SetAccessGrantsCommand(USER, List.of(withDescendants)))
                .expectEvents(new AccessRevokedEvent(USER, RECTIFIER_A), new AccessGrantedEvent(USER, withDescendants));
    }

    @Test
    void refusesAGrantOnAnUnknownOrganisation() {
        fixture.given(new AccessGrantedEvent(USER, RECTIFIER_A))
                .when(new SetAccessGrantsCommand(USER, List.of(RECTIFIER_A, new RoleGrant("RECTIFIER", "unit-x", false))))
                .expectException(RuleViolationException.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("unit-x"))
                .expectNoEvents();
    }

    @Test
    void refusesAdminAsAScopedRole() {
        fixture.givenNoPriorActivity()
                .when(new SetAccessGrantsCommand(USER, List.of(new RoleGrant("ADMIN", "unit-a", false))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnUnknownRole() {
        fixture.givenNoPriorActivity()
                .when(new SetAccessGrantsCommand(USER, List.of(new RoleGrant("JANITOR", "unit-a", false))))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
