package io.zhenggai.rectification.policy;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.*;

class EscalationPolicyTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final UnmatchedEscalations unmatched = mock(UnmatchedEscalations.class);
    private final EscalationPolicy policy = new EscalationPolicy(commands, unmatched);

    private static ViolationEscalatedEvent escalated(String inspectionId, String findingId) {
        return new ViolationEscalatedEvent("finance-rulebook:区委统战部", "区委统战部", "exp-b-V1", inspectionId, findingId,
                "公务接待超标准", new BigDecimal("80.00"), LocalDate.of(2024, 3, 22), "exp-b", LocalDate.of(2024, 2, 1),
                new BigDecimal("560.00"), ExpenseCategory.RECEPTION, "某宾馆", "reg-1", "《公务接待管理办法》", "reg-1-v2", 2,
                RegulationArea.RECEPTION, "PER_PERSON_CAP", "人均120元标准超出80.00元");
    }

    private static final TakeOverViolationCommand TAKE_OVER = new TakeOverViolationCommand("rect-insp-7", "exp-b-V1", "f3",
            "公务接待超标准", new BigDecimal("80.00"), LocalDate.of(2024, 3, 22), "exp-b", LocalDate.of(2024, 2, 1),
            "《公务接待管理办法》", "人均120元标准超出80.00元");

    private static FeedbackEscalatedToFindingEvent feedback(String note) {
        return new FeedbackEscalatedToFindingEvent("notice-1", "9f1c", "insp-7", "rect-insp-7", "整改台账未向社会公开",
                "建议公开整改台账", "c1", LocalDate.of(2024, 3, 20), note);
    }

    @Test
    void anEscalatedViolationIsTakenOverByTheRectificationOfItsInspection() {
        policy.on(escalated("insp-7", "f3"));

        verify(commands).sendAndWait(TAKE_OVER);
        verifyNoInteractions(unmatched);
    }

    @Test
    void aRedeliveredViolationSendsTheSameIdempotentCommandAgain() {
        policy.on(escalated("insp-7", "f3"));
        policy.on(escalated("insp-7", "f3"));

        verify(commands, times(2)).sendAndWait(TAKE_OVER);
    }

    @Test
    void escalatedFeedbackBecomesASupplementaryFindingKeyedByTheFeedbackWithTheStaffNote() {
        policy.on(feedback("经核实属实"));

        verify(commands).sendAndWait(new RecordSupplementaryFindingCommand("rect-insp-7", "fb-9f1c", "c1", "整改台账未向社会公开",
                "建议公开整改台账\n办理意见：经核实属实", FindingSource.PUBLIC_FEEDBACK, "9f1c", LocalDate.of(2024, 3, 20)));
    }

    @Test
    void escalatedFeedbackWithoutANoteCarriesThePublicTextOnly() {
        policy.on(feedback(null));

        verify(commands).sendAndWait(new RecordSupplementaryFindingCommand("rect-insp-7", "fb-9f1c", "c1", "整改台账未向社会公开",
                "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "9f1c", LocalDate.of(2024, 3, 20)));
    }

    @Test
    void aViolationForAnInspectionWithoutAnOpenRectificationIsParkedWithItsCommand() {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("rect-insp-7", "not found"));

        policy.on(escalated("insp-7", "f3"));

        verify(unmatched).park(eq(FindingSource.FINANCE_VIOLATION), eq("exp-b-V1"), eq("insp-7"), eq("违规支出：公务接待超标准"),
                anyString(), eq(TAKE_OVER));
        verify(unmatched, never()).remove(any(), any());
    }

    @Test
    void whenTheRectificationOpenedMeanwhileTheSecondAttemptTakesItAndUnparks() {
        when(commands.sendAndWait(any())).thenThrow(new AggregateNotFoundException("rect-insp-7", "not found"))
                .thenReturn(1L);

        policy.on(escalated("insp-7", "f3"));

        verify(commands, times(2)).sendAndWait(TAKE_OVER);
        verify(unmatched).remove(FindingSource.FINANCE_VIOLATION, "exp-b-V1");
    }

    @Test
    void aViolationWithoutAnInspectionIsParkedWithNothingToSend() {
        policy.on(escalated(" ", null));

        verifyNoInteractions(commands);
        verify(unmatched).park(eq(FindingSource.FINANCE_VIOLATION), eq("exp-b-V1"), isNull(), anyString(), anyString(), isNull());
    }

    @Test
    void aCommandTheLedgerRefusesIsParkedRatherThanRetriedForever() {
        when(commands.sendAndWait(any())).thenThrow(RuleViolationException.conflict("FINDING_EXISTS", "已有该问题"));

        policy.on(feedback(null));

        verify(unmatched).park(eq(FindingSource.PUBLIC_FEEDBACK), eq("9f1c"), eq("insp-7"), eq("整改台账未向社会公开"),
                eq("整改台账拒绝：已有该问题"), any(RecordSupplementaryFindingCommand.class));
    }

    @Test
    void aCommandRefusedForItsShapeIsParkedWithTheFieldRatherThanRetriedForever() {
        FeedbackEscalatedToFindingEvent untitled = new FeedbackEscalatedToFindingEvent("notice-1", "9f1c", "insp-7",
                "rect-insp-7", " ", "建议公开整改台账", "c1", LocalDate.of(2024, 3, 20), null);
        when(commands.sendAndWait(any())).thenAnswer(call -> {
            throw new JSR303ViolationException(validator().validate(call.getArgument(0)));
        });

        policy.on(untitled);

        verify(unmatched).park(eq(FindingSource.PUBLIC_FEEDBACK), eq("9f1c"), eq("insp-7"), eq(" "),
                startsWith("整改台账拒绝：title："), any(RecordSupplementaryFindingCommand.class));
    }

    private static jakarta.validation.Validator validator() {
        return jakarta.validation.Validation.buildDefaultValidatorFactory().getValidator();
    }

    @Test
    void otherFailuresPropagateSoThatTheProcessorRetries() {
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("database down"));

        assertThatThrownBy(() -> policy.on(escalated("insp-7", "f3"))).isInstanceOf(IllegalStateException.class);
        verifyNoInteractions(unmatched);
    }

    @Test
    void whenARectificationOpensWhatWasParkedForItsInspectionIsSentAndUnparked() {
        when(unmatched.forInspection("insp-7")).thenReturn(List.of(
                new UnmatchedEscalations.Parked(FindingSource.FINANCE_VIOLATION, "exp-b-V1", "insp-7", TAKE_OVER)));

        policy.on(new RectificationOpenedEvent("rect-insp-7", "insp-7", null, "区委第四巡察组", "区委统战部", null, List.of(),
                null, null, LocalDate.of(2023, 9, 12), List.of(), InspectionKind.XUNCHA, null, null));

        verify(commands).sendAndWait(TAKE_OVER);
        verify(unmatched).remove(FindingSource.FINANCE_VIOLATION, "exp-b-V1");
    }
}
