package io.zhenggai.app.security;

import io.zhenggai.api.reminders.ReminderCommands;
import io.zhenggai.api.finance.FinanceCommands;
import io.zhenggai.api.inspection.InspectionCommands;
import io.zhenggai.api.inspection.InspectionCommands.AssignInspectionOrganisationsCommand;
import io.zhenggai.api.organisation.OrganisationCommands;
import io.zhenggai.api.publication.PublicationCommands;
import io.zhenggai.api.publication.PublicationCommands.SubmitFeedbackCommand;
import io.zhenggai.api.rectification.RectificationCommands;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.platform.security.Roles;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The table of which roles may send which command is whole: every command is in it or deliberately left out. */
class CommandRolesTest {

    /** Only ADMIN (as a person) or the system sends these; anonymous visitors send public feedback. */
    static final Set<Class<?>> NOT_FOR_SCOPED_ROLES = Set.of(AssignInspectionOrganisationsCommand.class,
            OrganisationCommands.RegisterOrganisationCommand.class, OrganisationCommands.SetAccessGrantsCommand.class,
            OpenRectificationCommand.class, TakeOverFindingCorrectionCommand.class, RecordSupplementaryFindingCommand.class,
            TakeOverViolationCommand.class, SubmitFeedbackCommand.class,
            ReminderCommands.IssueDigestCommand.class, ReminderCommands.RecordDeliveryCommand.class,
            ReminderCommands.SetReminderRecipientCommand.class);

    @Test
    void everyCommandIsNamedOrDeliberatelyLeftToAdminAndTheSystem() {
        List<Class<?>> commands = Stream.of(InspectionCommands.class, RectificationCommands.class, FinanceCommands.class,
                        PublicationCommands.class, OrganisationCommands.class, ReminderCommands.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredClasses()))
                .filter(c -> c.isRecord() && c.getSimpleName().endsWith("Command")).toList();
        assertThat(commands).hasSizeGreaterThan(50);
        for (Class<?> command : commands) {
            assertThat(!CommandRoles.of(command).isEmpty() || NOT_FOR_SCOPED_ROLES.contains(command))
                    .as("%s has roles in CommandRoles or is left to ADMIN and the system", command.getSimpleName()).isTrue();
        }
    }

    @Test
    void noCommandIsGivenToAdminByTheTableAndEveryRoleIsKnown() {
        for (Class<?> command : CommandRoles.named()) {
            assertThat(CommandRoles.of(command)).doesNotContain(Roles.ADMIN).isSubsetOf(Roles.ALL);
        }
    }
}
