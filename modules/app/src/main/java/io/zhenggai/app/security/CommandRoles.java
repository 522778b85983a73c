package io.zhenggai.app.security;

import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.inspection.InspectionCommands.*;
import io.zhenggai.api.publication.PublicationCommands.*;
import io.zhenggai.api.rectification.RectificationCommands.*;
import io.zhenggai.api.reminders.ReminderCommands.MarkReminderReadCommand;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.zhenggai.platform.security.Roles.*;

/**
 * Which roles, besides {@code ADMIN}, may send each command, and so which of the caller's grants can allow it on an
 * object. A command a person may send that is not named here is {@code ADMIN}'s only (deny by default); commands the
 * system sends itself (policies, deadlines) are not checked. The roles are those of the URL rules
 * ({@link AuthorizationRules}) for the endpoints that send the command; {@code CommandRolesTest} keeps the table whole.
 */
final class CommandRoles {

    private CommandRoles() {
    }

    private static final Map<Class<?>, Set<String>> ROLES = new HashMap<>();

    private static void allow(Set<String> roles, Class<?>... commands) {
        for (Class<?> c : commands) {
            ROLES.put(c, roles);
        }
    }

    static {
        allow(Set.of(INSPECTOR), CreateRoundCommand.class, ScheduleInspectionCommand.class, JoinRoundCommand.class,
                StartFieldworkCommand.class, ConcludeFieldworkCommand.class, AddFindingCategoryCommand.class,
                RecordFindingCommand.class, AmendFindingCommand.class, WithdrawFindingCommand.class,
                DeliverFeedbackCommand.class, CorrectFindingCommand.class);
        allow(Set.of(UNIT_LEADER), NameOfficeCommand.class, AppointGroupMemberCommand.class, RelieveGroupMemberCommand.class,
                AdoptPlanCommand.class, ApproveCloseOffCommand.class, ReturnCloseOffCommand.class, ReopenItemCommand.class,
                ExtendDeadlineCommand.class);
        allow(Set.of(RECTIFIER, UNIT_LEADER), AssignResponsibilityCommand.class, CarryAsHistoryCommand.class);
        allow(Set.of(RECTIFIER), AddItemCommand.class, ReviseItemCommand.class, RemoveItemCommand.class, AddMeasureCommand.class,
                ReviseMeasureCommand.class, RemoveMeasureCommand.class, RecordProgressCommand.class, RequestCloseOffCommand.class,
                RecordMeetingCommand.class, RecordAccountabilityCommand.class, RecordProcessMetricCommand.class,
                StoreEvidenceFileCommand.class);
        allow(Set.of(FINANCE_OFFICER, UNIT_LEADER), EnactRegulationCommand.class, ReviseRegulationCommand.class,
                RepealRegulationCommand.class, LinkRegulationCommand.class);
        allow(Set.of(FINANCE_OFFICER), RecordExpenseCommand.class, RecheckExpenseCommand.class, EscalateViolationCommand.class,
                ResolveViolationCommand.class, RecordMoneyOutcomeCommand.class);
        allow(Set.of(PUBLISHER), CreateNoticeDraftCommand.class, RecomposeNoticeDraftCommand.class, EditNoticeDraftCommand.class,
                PublishNoticeCommand.class, WithdrawNoticeCommand.class, CorrectNoticeCommand.class, AcknowledgeFeedbackCommand.class,
                AnswerFeedbackCommand.class, EscalateFeedbackCommand.class);
        allow(Set.of(UNIT_LEADER), ApproveNoticeCommand.class);
        // an addressee marks a digest of their own inbox read (ScopeEnforcement: only their own, whatever its unit)
        allow(Set.of(INSPECTOR, RECTIFIER, UNIT_LEADER, FINANCE_OFFICER, PUBLISHER, AUDITOR), MarkReminderReadCommand.class);
    }

    /** The roles besides ADMIN that may send {@code command}; empty when only ADMIN may. */
    static Set<String> of(Class<?> command) {
        return ROLES.getOrDefault(command, Set.of());
    }

    /** The commands a person other than ADMIN may send (for the test that keeps the table whole). */
    static List<Class<?>> named() {
        return List.copyOf(ROLES.keySet());
    }
}
