package io.zhenggai.organisation.command;

import io.zhenggai.api.organisation.OrganisationCommands.RegisterOrganisationCommand;
import io.zhenggai.api.organisation.OrganisationEvents.OrganisationRegisteredEvent;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.zhenggai.api.organisation.OrganisationKind.REGION;
import static io.zhenggai.api.organisation.OrganisationKind.UNIT;

class OrganisationTest {

    private AggregateTestFixture<Organisation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Organisation.class);
        fixture.registerInjectableResource((OrganisationDirectory) Set.of("nanhai")::contains);
    }

    @Test
    void registersAUnitUnderAKnownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisationCommand("tzb", "区委统战部", UNIT, "nanhai"))
                .expectEvents(new OrganisationRegisteredEvent("tzb", "区委统战部", UNIT, "nanhai"));
    }

    @Test
    void registersARegionAtTheTop() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisationCommand("foshan", "佛山市", REGION, null))
                .expectEvents(new OrganisationRegisteredEvent("foshan", "佛山市", REGION, null));
    }

    @Test
    void refusesAnUnknownParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterOrganisationCommand("tzb", "区委统战部", UNIT, "shunde"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }

    @Test
    void registeringTheSameOrganisationAgainChangesNothing() {
        fixture.given(new OrganisationRegisteredEvent("tzb", "区委统战部", UNIT, "nanhai"))
                .when(new RegisterOrganisationCommand("tzb", "区委统战部", UNIT, "nanhai"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesToRegisterAnOrganisationAgainUnderAnotherName() {
        fixture.given(new OrganisationRegisteredEvent("tzb", "区委统战部", UNIT, "nanhai"))
                .when(new RegisterOrganisationCommand("tzb", "区委宣传部", UNIT, "nanhai"))
                .expectException(RuleViolationException.class)
                .expectNoEvents();
    }
}
