package io.zhenggai.rectification.policy;

import io.zhenggai.api.inspection.InspectionForm;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.inspection.InspectionLevel;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredCategory;
import io.zhenggai.api.inspection.InspectionEvents.DeliveredFinding;
import io.zhenggai.api.inspection.InspectionEvents.FeedbackDeliveredEvent;
import io.zhenggai.api.inspection.InspectionEvents.FindingCorrectedEvent;
import io.zhenggai.api.rectification.RectificationCommands.OpenRectificationCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverFindingCorrectionCommand;
import io.zhenggai.api.rectification.RectificationEvents.LedgerCategory;
import io.zhenggai.api.rectification.RectificationEvents.LedgerFinding;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.*;

class OpenRectificationPolicyTest {

    private final CommandGateway commands = mock(CommandGateway.class);
    private final OpenRectificationPolicy policy = new OpenRectificationPolicy(commands);

    private static FeedbackDeliveredEvent delivered() {
        return new FeedbackDeliveredEvent("insp-7", "round-3", "区委第四巡察组", "区委统战部", "区委统一部署",
                List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8), LocalDate.of(2023, 7, 28),
                LocalDate.of(2023, 9, 12), List.of(
                new DeliveredCategory("c1", 1, "关于贯彻新时代统一战线工作部署方面", List.of(
                        new DeliveredFinding("f1", 1, "“第一议题”制度落实不到位", "说明", List.of("表现一")),
                        new DeliveredFinding("f2", 2, "大统战格局不够有力", null, null)))),
                InspectionKind.XUNSHI, InspectionForm.ROUTINE, InspectionLevel.MUNICIPAL);
    }

    @Test
    void feedbackDeliveredOpensTheRectificationOfThatInspectionWithItsOwnCopyOfTheFindingsAndItsKind() {
        policy.on(delivered());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands).sendAndWait(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new OpenRectificationCommand("rect-insp-7", "insp-7", "round-3",
                "区委第四巡察组", "区委统战部", "区委统一部署", List.of("《中国共产党巡视工作条例》"), LocalDate.of(2023, 6, 8),
                LocalDate.of(2023, 7, 28), LocalDate.of(2023, 9, 12), List.of(
                new LedgerCategory("c1", 1, "关于贯彻新时代统一战线工作部署方面", List.of(
                        new LedgerFinding("f1", 1, "“第一议题”制度落实不到位", "说明", List.of("表现一")),
                        new LedgerFinding("f2", 2, "大统战格局不够有力", null, List.of())))),
                InspectionKind.XUNSHI, InspectionForm.ROUTINE, InspectionLevel.MUNICIPAL));
    }

    @Test
    void aRedeliveredEventSendsTheSameIdempotentCommandAgain() {
        policy.on(delivered());
        policy.on(delivered());

        ArgumentCaptor<Object> sent = ArgumentCaptor.forClass(Object.class);
        verify(commands, times(2)).sendAndWait(sent.capture());
        assertThat(sent.getAllValues().get(0)).isEqualTo(sent.getAllValues().get(1));
    }

    @Test
    void aCorrectionIsTakenOverNamingItsSourceEvent() {
        policy.on(new FindingCorrectedEvent("insp-7", "f1", "c1", "新表述", "说明", List.of(), "表述不准确"), "evt-42");

        verify(commands).sendAndWait(new TakeOverFindingCorrectionCommand("rect-insp-7", "f1", "c1", "新表述", "说明",
                List.of(), "表述不准确", "evt-42"));
    }

    @Test
    void aCorrectionOfAFindingTheLedgerNeverReceivedIsIgnoredRatherThanRetriedForever() {
        when(commands.sendAndWait(any())).thenThrow(new NotFoundException("finding", "f9"));

        assertThatCode(() -> policy.on(new FindingCorrectedEvent("insp-7", "f9", "c1", "x", null, List.of(), "r"), "evt-1"))
                .doesNotThrowAnyException();
    }

    @Test
    void otherFailuresPropagateSoThatTheProcessorRetries() {
        when(commands.sendAndWait(any())).thenThrow(new IllegalStateException("database down"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> policy.on(delivered()))
                .isInstanceOf(IllegalStateException.class);
    }
}
