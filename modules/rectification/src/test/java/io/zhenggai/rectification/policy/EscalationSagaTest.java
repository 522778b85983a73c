package io.zhenggai.rectification.policy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceEvents.ViolationEscalatedEvent;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.PublicationEvents.FeedbackEscalatedToFindingEvent;
import io.zhenggai.api.rectification.FindingSource;
import io.zhenggai.api.rectification.RectificationCommands.RecordSupplementaryFindingCommand;
import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import io.zhenggai.api.rectification.RectificationEvents.RectificationOpenedEvent;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The escalation saga, given/when/then with Axon's {@link SagaTestFixture}: commands sent, sagas that wait or end. */
class EscalationSagaTest {

    private SagaTestFixture<EscalationSaga> fixture;
    /** What the ledger answers to the commands the saga sends (null: it takes them). */
    private final AtomicReference<RuntimeException> ledger = new AtomicReference<>();

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(EscalationSaga.class);
        fixture.registerCommandGateway(CommandGateway.class);
        fixture.setCallbackBehavior((payload, metaData) -> {
            RuntimeException answer = ledger.get();
            if (answer != null) {
                throw answer;
            }
            return 1L;
        });
    }

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

    private static RectificationOpenedEvent opened(String inspectionId) {
        return new RectificationOpenedEvent("rect-" + inspectionId, inspectionId, null, "区委第四巡察组", "区委统战部", null,
                List.of(), null, null, LocalDate.of(2023, 9, 12), List.of(), InspectionKind.XUNCHA, null, null);
    }

    private static AggregateNotFoundException notOpen() {
        return new AggregateNotFoundException("rect-insp-7", "not found");
    }

    @Test
    void anEscalatedViolationIsTakenOverByTheRectificationOfItsInspectionAndNothingWaits() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(escalated("insp-7", "f3"))
                .expectDispatchedCommands(TAKE_OVER)
                .expectActiveSagas(0);
    }

    @Test
    void aRedeliveredViolationSendsTheSameIdempotentCommandAgain() {
        fixture.givenAPublished(escalated("insp-7", "f3"))
                .whenPublishingA(escalated("insp-7", "f3"))
                .expectDispatchedCommands(TAKE_OVER)
                .expectActiveSagas(0);
    }

    @Test
    void escalatedFeedbackBecomesASupplementaryFindingKeyedByTheFeedbackWithTheStaffNote() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(feedback("经核实属实"))
                .expectDispatchedCommands(new RecordSupplementaryFindingCommand("rect-insp-7", "fb-9f1c", "c1", "整改台账未向社会公开",
                        "建议公开整改台账\n办理意见：经核实属实", FindingSource.PUBLIC_FEEDBACK, "9f1c", LocalDate.of(2024, 3, 20)))
                .expectActiveSagas(0);
    }

    @Test
    void escalatedFeedbackWithoutANoteCarriesThePublicTextOnly() {
        fixture.givenNoPriorActivity()
                .whenPublishingA(feedback(null))
                .expectDispatchedCommands(new RecordSupplementaryFindingCommand("rect-insp-7", "fb-9f1c", "c1", "整改台账未向社会公开",
                        "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "9f1c", LocalDate.of(2024, 3, 20)));
    }

    @Test
    void aViolationForAnInspectionWithoutAnOpenRectificationWaitsInASagaKeyedOnTheInspection() {
        ledger.set(notOpen());
        fixture.givenNoPriorActivity()
                .whenPublishingA(escalated("insp-7", "f3"))
                .expectDispatchedCommands(TAKE_OVER)
                .expectActiveSagas(1)
                .expectAssociationWith("inspectionId", "insp-7");
    }

    @Test
    void whenTheRectificationOpensWhatWaitsForItsInspectionIsSentAndTheSagaEnds() {
        ledger.set(notOpen());
        fixture.givenAPublished(escalated("insp-7", "f3")).andThenAPublished(feedback(null));
        ledger.set(null);
        fixture.whenPublishingA(opened("insp-7"))
                .expectDispatchedCommands(TAKE_OVER, new RecordSupplementaryFindingCommand("rect-insp-7", "fb-9f1c", "c1",
                        "整改台账未向社会公开", "建议公开整改台账", FindingSource.PUBLIC_FEEDBACK, "9f1c", LocalDate.of(2024, 3, 20)))
                .expectActiveSagas(0);
    }

    @Test
    void theOpeningOfAnotherInspectionLeavesTheWaitingEscalationAlone() {
        ledger.set(notOpen());
        fixture.givenAPublished(escalated("insp-7", "f3"));
        ledger.set(null);
        fixture.whenPublishingA(opened("insp-8"))
                .expectNoDispatchedCommands()
                .expectActiveSagas(1);
    }

    @Test
    void aCommandTheLedgerRefusesKeepsWaitingWithTheRefusalRatherThanRetriedForever() {
        ledger.set(RuleViolationException.conflict("FINDING_EXISTS", "已有该问题"));
        fixture.givenNoPriorActivity()
                .whenPublishingA(feedback(null))
                .expectActiveSagas(1)
                .expectAssociationWith("inspectionId", "insp-7");
    }

    @Test
    void aCommandRefusedForItsShapeKeepsWaitingWithTheFieldRatherThanRetriedForever() {
        CommandGateway refusing = mock(CommandGateway.class);
        when(refusing.sendAndWait(any())).thenAnswer(call -> {
            throw new JSR303ViolationException(jakarta.validation.Validation.buildDefaultValidatorFactory()
                    .getValidator().validate(call.getArgument(0)));
        });
        EscalationSaga saga = new EscalationSaga();
        ReflectionTestUtils.setField(saga, "commands", refusing);

        saga.on(new FeedbackEscalatedToFindingEvent("notice-1", "9f1c", "insp-7", "rect-insp-7", " ", "建议公开整改台账",
                "c1", LocalDate.of(2024, 3, 20), null), Instant.now());

        assertThat(saga.waiting()).singleElement()
                .satisfies(w -> assertThat(w.reason()).startsWith("整改台账拒绝：title："));
    }

    @Test
    void aSecondEscalationForTheSameInspectionWaitsInTheSameSaga() {
        ledger.set(notOpen());
        fixture.givenAPublished(escalated("insp-7", "f3"))
                .whenPublishingA(feedback(null))
                .expectActiveSagas(1)
                .expectAssociationWith("inspectionId", "insp-7");
    }

    @Test
    void otherFailuresPropagateSoThatTheProcessorRetries() {
        CommandGateway failing = mock(CommandGateway.class);
        when(failing.sendAndWait(any())).thenThrow(new IllegalStateException("database down"));
        EscalationSaga saga = new EscalationSaga();
        ReflectionTestUtils.setField(saga, "commands", failing);

        assertThatThrownBy(() -> saga.on(escalated("insp-7", "f3"), Instant.now()))
                .isInstanceOf(IllegalStateException.class);
        assertThat(saga.waiting()).isEmpty();
    }

    @Test
    void whatWaitsSurvivesTheSagaStoreAsJsonWithItsReasonAndCommand() {
        CommandGateway refusing = mock(CommandGateway.class);
        when(refusing.sendAndWait(any())).thenThrow(notOpen());
        EscalationSaga saga = new EscalationSaga();
        ReflectionTestUtils.setField(saga, "commands", refusing);
        Instant at = Instant.parse("2024-03-22T02:00:00Z");
        saga.on(escalated("insp-7", "f3"), at);

        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(mapper).build();
        SerializedObject<byte[]> stored = serializer.serialize(saga, byte[].class);
        EscalationSaga read = serializer.deserialize(stored);

        assertThat(read.inspectionId()).isEqualTo("insp-7");
        assertThat(read.waiting()).containsExactly(new EscalationSaga.Waiting(FindingSource.FINANCE_VIOLATION, "exp-b-V1",
                "违规支出：公务接待超标准", "该" + InspectionKind.EITHER + "尚未反馈或不存在，整改尚未启动", at, TAKE_OVER, null));
        assertThat(new String(stored.getData(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"receivedAt\":\"2024-03-22T02:00:00Z\"", "\"sourceId\":\"exp-b-V1\"").doesNotContain("commands");
    }
}
