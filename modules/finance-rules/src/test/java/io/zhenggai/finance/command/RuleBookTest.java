package io.zhenggai.finance.command;

import io.zhenggai.api.finance.RuleBookIds;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.ExpenseRule.*;
import io.zhenggai.api.finance.FinanceCommands.*;
import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.api.finance.ViolationResolution;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.interceptors.BeanValidationInterceptor;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

import static io.zhenggai.api.finance.ExpenseCategory.*;
import static io.zhenggai.finance.command.RuleBookEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;

/** The rule book's rules, given/when/then. Today is 2024-03-25 (Asia/Shanghai). */
class RuleBookTest {

    static final String UNIT = "区委统战部";
    static final String BOOK = RuleBookIds.of(UNIT);
    static final LocalDate TODAY = LocalDate.of(2024, 3, 25);
    static final LocalDate REVISED_FROM = LocalDate.of(2023, 11, 1);
    static final String REG = "reg-reception";

    private FixtureConfiguration<RuleBook> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RuleBook.class);
        fixture.registerInjectableResource(Clock.fixed(Instant.parse("2024-03-25T02:00:00Z"), ZoneId.of("Asia/Shanghai")));
        fixture.registerCommandHandlerInterceptor(new BeanValidationInterceptor<>());
    }

    static BigDecimal yuan(String s) {
        return new BigDecimal(s);
    }

    static List<ExpenseRule> receptionRulesV1() {
        return List.of(new PerPersonCap("工作餐", RECEPTION, null, yuan("150.00"), PersonBasis.GUESTS),
                new RequiredDocument("公函", RECEPTION, "公函", null));
    }

    static List<ExpenseRule> receptionRulesV2() {
        return List.of(new PerPersonCap("工作餐", RECEPTION, null, yuan("120.00"), PersonBasis.GUESTS),
                new RequiredDocument("公函", RECEPTION, "公函", null),
                new Ratio("陪餐人数", RECEPTION, 1, 3, 3));
    }

    static EnactRegulationCommand enact(String id, String title, LocalDate from, String reason, List<ExpenseRule> rules) {
        return new EnactRegulationCommand(BOOK, UNIT, id, title, RegulationArea.RECEPTION, null, from, null, reason, rules, List.of(), null);
    }

    static EnactRegulationCommand enactReception() {
        return enact(REG, "《公务接待管理办法》", LocalDate.of(2019, 1, 1), "补录巡察前已施行的制度", receptionRulesV1());
    }

    static ReviseRegulationCommand reviseReception(LocalDate from, String reason) {
        return new ReviseRegulationCommand(BOOK, REG, "统战发〔2023〕5号", from, "工作餐标准由150元降为120元，增加陪餐人数限制",
                reason, receptionRulesV2(), List.of(new AnswerLink("insp-4", "finding-8", null)), null);
    }

    static RecordExpenseCommand reception(String id, LocalDate date, String amount, int guests, int staff) {
        return new RecordExpenseCommand(BOOK, UNIT, id, date, yuan(amount), RECEPTION, "某酒店", "接待省委统战部调研组",
                guests, staff, List.of(new DocumentRef("公函", "粤统函〔2023〕1号")), List.of(), List.of(), null);
    }

    static Matcher<List<EventMessage<?>>> payloads(Consumer<List<Object>> check) {
        return Matchers.predicate(messages -> {
            check.accept(messages.stream().map(Message::getPayload).map(Object.class::cast).toList());
            return true;
        });
    }

    static Matcher<Object> outcome(Consumer<CheckOutcome> check) {
        return Matchers.predicate(o -> {
            check.accept((CheckOutcome) o);
            return true;
        });
    }

    static Matcher<Object> rule(String code, RuleViolationException.Kind kind) {
        return allOf(instanceOf(RuleViolationException.class), Matchers.predicate(e -> {
            RuleViolationException r = (RuleViolationException) e;
            return r.code().equals(code) && r.kind() == kind;
        }));
    }

    // ---- regulations ----------------------------------------------------------------------------------------

    @Test
    void enactingTheFirstRegulationOpensTheUnitsRuleBook() {
        EnactRegulationCommand cmd = enact(REG, "《公务接待管理办法》", TODAY, null, receptionRulesV1());
        fixture.givenNoPriorActivity()
                .when(cmd)
                .expectEvents(new RuleBookOpenedEvent(BOOK, UNIT),
                        new RegulationEnactedEvent(BOOK, UNIT, REG, "《公务接待管理办法》", RegulationArea.RECEPTION, REG + "-v1", 1,
                                null, TODAY, null, null, receptionRulesV1(), List.of()))
                .expectResultMessagePayload(1L);
    }

    @Test
    void refusesAnEffectiveDateInThePastWithoutAReason() {
        fixture.givenNoPriorActivity()
                .when(enact(REG, "《公务接待管理办法》", TODAY.minusDays(1), " ", receptionRulesV1()))
                .expectException(rule("BACKDATING_REASON_REQUIRED", RuleViolationException.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void recordsTheReasonOfAHistoricalVersion() {
        fixture.givenNoPriorActivity()
                .when(enactReception())
                .expectEventsMatching(payloads(events -> assertThat(((RegulationEnactedEvent) events.get(1)).backdatingReason())
                        .isEqualTo("补录巡察前已施行的制度")));
    }

    @Test
    void refusesASecondRegulationInForceWithTheSameTitle() {
        fixture.given(receptionEnacted())
                .when(enact("reg-other", "《公务接待管理办法》", TODAY, null, List.of()))
                .expectException(rule("REGULATION_TITLE_EXISTS", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void refusesARevisionThatWouldOverlapTheCurrentVersion() {
        fixture.given(events(receptionEnacted(), receptionRevised(REVISED_FROM, "补录整改期间的修订")))
                .when(reviseReception(REVISED_FROM, "同日再修订"))
                .expectException(rule("VERSION_OVERLAP", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
        fixture.given(events(receptionEnacted(), receptionRevised(REVISED_FROM, "补录整改期间的修订")))
                .when(reviseReception(REVISED_FROM.minusMonths(1), "更早的修订"))
                .expectException(rule("VERSION_OVERLAP", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void revisionBecomesVersionTwoAndNamesThePreviousVersion() {
        fixture.given(receptionEnacted())
                .when(reviseReception(REVISED_FROM, "补录整改期间的修订"))
                .expectEvents(new RegulationRevisedEvent(BOOK, UNIT, REG, "《公务接待管理办法》", RegulationArea.RECEPTION, REG + "-v2", 2,
                        REG + "-v1", "统战发〔2023〕5号", REVISED_FROM, "工作餐标准由150元降为120元，增加陪餐人数限制", "补录整改期间的修订",
                        receptionRulesV2(), List.of(new AnswerLink("insp-4", "finding-8", null))));
    }

    @Test
    void refusesRevisingAnUnknownRegulation() {
        fixture.given(receptionEnacted())
                .when(new ReviseRegulationCommand(BOOK, "nope", null, TODAY, "x", null, List.of(), List.of(), null))
                .expectException(NotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void refusesAnInvalidRuleDefinitionNamingTheField() {
        List<ExpenseRule> rules = List.of(new RequiredDocument(null, RECEPTION, "公函", null),
                new PerPersonCap(null, RECEPTION, null, yuan("-1"), PersonBasis.GUESTS));
        fixture.givenNoPriorActivity()
                .when(enact(REG, "《公务接待管理办法》", TODAY, null, rules))
                .expectException(rule("RULE_INVALID", RuleViolationException.Kind.INVALID))
                .expectExceptionMessage(containsString("rules[1].capPerPerson"))
                .expectNoEvents();
    }

    @Test
    void refusesARepealBeforeTheCurrentVersionStarted() {
        fixture.given(events(receptionEnacted(), receptionRevised(REVISED_FROM, "补录")))
                .when(new RepealRegulationCommand(BOOK, REG, REVISED_FROM, "被新办法取代", null))
                .expectException(rule("REPEAL_BEFORE_VERSION", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void linksAVersionOnceToWhatItAnswers() {
        LinkRegulationCommand link = new LinkRegulationCommand(BOOK, REG, 1, new AnswerLink("insp-4", null, "item-3"), null);
        fixture.given(receptionEnacted())
                .when(link)
                .expectEvents(new RegulationLinkedEvent(BOOK, UNIT, REG, REG + "-v1", 1, new AnswerLink("insp-4", null, "item-3")));
        fixture.given(events(receptionEnacted(), receptionLinked(new AnswerLink("insp-4", null, "item-3"))))
                .when(link)
                .expectException(rule("LINK_EXISTS", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
        fixture.given(receptionEnacted())
                .when(new LinkRegulationCommand(BOOK, REG, 2, new AnswerLink(null, "f-1", null), null))
                .expectException(NotFoundException.class);
    }

    // ---- temporal correctness -------------------------------------------------------------------------------

    @Test
    void anExpenseTheDayBeforeARevisionIsJudgedUnderTheOldVersion() {
        // 4 guests, 560 yuan: 140 per guest is within the old cap (150) but above the new one (120)
        fixture.given(events(receptionEnacted(), receptionRevised(REVISED_FROM, "补录")))
                .when(reception("exp-1", REVISED_FROM.minusDays(1), "560.00", 4, 2))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.verdict()).isEqualTo(Verdict.COMPLIANT);
                    assertThat(o.appliedVersions()).extracting(AppliedVersion::versionId).containsExactly(REG + "-v1");
                }));
    }

    @Test
    void anExpenseOnTheDayOfARevisionIsJudgedUnderTheNewVersion() {
        fixture.given(events(receptionEnacted(), receptionRevised(REVISED_FROM, "补录")))
                .when(reception("exp-1", REVISED_FROM, "560.00", 4, 2))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(2);
                    ExpenseCheckedEvent checked = (ExpenseCheckedEvent) events.get(1);
                    assertThat(checked.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
                    assertThat(checked.appliedVersions()).extracting(AppliedVersion::versionId).containsExactly(REG + "-v2");
                    Breach b = checked.breaches().get(0);
                    assertThat(b.violationId()).isEqualTo("exp-1-V1");
                    assertThat(b.versionId()).isEqualTo(REG + "-v2");
                    assertThat(b.ruleType()).isEqualTo(ExpenseRule.PER_PERSON_CAP);
                    assertThat(b.excessAmount()).isEqualByComparingTo("80.00");
                }));
    }

    @Test
    void anExpenseBeforeAnyVersionOrAfterTheRepealIsJudgedUnderNoRule() {
        fixture.given(events(receptionEnacted(), receptionRepealed(LocalDate.of(2024, 1, 1), "被新办法取代")))
                .when(reception("exp-2", LocalDate.of(2024, 1, 1), "9000.00", 1, 8))
                .expectResultMessagePayloadMatching(outcome(o -> {
                    assertThat(o.verdict()).isEqualTo(Verdict.COMPLIANT);
                    assertThat(o.appliedVersions()).isEmpty();
                }));
        fixture.given(receptionEnacted())
                .when(reception("exp-3", LocalDate.of(2018, 12, 31), "9000.00", 1, 8))
                .expectResultMessagePayloadMatching(outcome(o -> assertThat(o.appliedVersions()).isEmpty()));
    }

    @Test
    void revisingARuleNeverReJudgesAPastExpenseAndARecheckIsAWhatIf() {
        LocalDate paid = LocalDate.of(2023, 10, 10);
        fixture.givenCommands(enactReception(), reception("exp-1", paid, "560.00", 4, 2), reviseReception(REVISED_FROM, "补录"))
                .when(new RecheckExpenseCommand(BOOK, "exp-1", "rc-1", null))
                .expectEventsMatching(payloads(events -> {
                    assertThat(events).hasSize(1); // no new verdict, no violation
                    ExpenseRecheckedEvent e = (ExpenseRecheckedEvent) events.get(0);
                    assertThat(e.rulesAsOf()).isEqualTo(TODAY);
                    assertThat(e.bindingVerdict()).isEqualTo(Verdict.COMPLIANT);
                    assertThat(e.verdict()).isEqualTo(Verdict.NON_COMPLIANT);
                    assertThat(e.differsFromBinding()).isTrue();
                    assertThat(e.breaches()).allSatisfy(b -> assertThat(b.violationId()).isNull());
                }));
        // ... and the violation the what-if found does not exist
        fixture.givenCommands(enactReception(), reception("exp-1", paid, "560.00", 4, 2), reviseReception(REVISED_FROM, "补录"),
                        new RecheckExpenseCommand(BOOK, "exp-1", "rc-1", null))
                .when(new EscalateViolationCommand(BOOK, "exp-1-V1", "insp-4", null, null, TODAY, null))
                .expectException(NotFoundException.class);
    }

    // ---- expenses: validation -------------------------------------------------------------------------------

    @Test
    void refusesAmountsThatAreNotPositiveYuanWithAtMostTwoDecimals() {
        for (String amount : List.of("0", "-10.00", "12.345", "0.001")) {
            fixture.given(receptionEnacted())
                    .when(reception("exp-x", TODAY, amount, 1, 1))
                    .expectException(RuleViolationException.class)
                    .expectNoEvents();
        }
    }

    @Test
    void keepsAmountsExactToTheCent() {
        fixture.givenNoPriorActivity()
                .when(new RecordExpenseCommand(BOOK, UNIT, "exp-c", TODAY, yuan("0.1"), OFFICE, null, null, null, null,
                        List.of(), List.of(), List.of(new ExpenseItem("纸张", yuan("0.07")), new ExpenseItem("笔", yuan("0.03"))), null))
                .expectEventsMatching(payloads(events -> {
                    ExpenseRecordedEvent e = (ExpenseRecordedEvent) events.get(1);
                    assertThat(e.amount()).isEqualTo(yuan("0.10")); // scale 2, same value
                    assertThat(e.items()).extracting(ExpenseItem::amount).containsExactly(yuan("0.07"), yuan("0.03"));
                }));
    }

    @Test
    void refusesItemsThatDoNotAddUpToTheAmount() {
        fixture.givenNoPriorActivity()
                .when(new RecordExpenseCommand(BOOK, UNIT, "exp-c", TODAY, yuan("100.00"), NON_PARTY_FUNDS, null, null, null, null,
                        List.of(), List.of(), List.of(new ExpenseItem("调研费", yuan("99.99"))), null))
                .expectException(rule("ITEMS_SUM_MISMATCH", RuleViolationException.Kind.INVALID))
                .expectNoEvents();
    }

    @Test
    void refusesAnExpenseDatedInTheFutureOrRecordedTwice() {
        fixture.given(receptionEnacted())
                .when(reception("exp-f", TODAY.plusDays(1), "10.00", 1, 0))
                .expectException(rule("DATE_IN_FUTURE", RuleViolationException.Kind.INVALID))
                .expectNoEvents();
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY, "10.00", 1, 0))
                .when(reception("exp-1", TODAY, "10.00", 1, 0))
                .expectException(rule("EXPENSE_EXISTS", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    // ---- violations and money -------------------------------------------------------------------------------

    @Test
    void escalationCarriesEverythingTheRectificationContextNeeds() {
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY, "700.00", 4, 1))
                .when(new EscalateViolationCommand(BOOK, "exp-1-V1", "insp-4", "finding-8", null, TODAY, null))
                .expectEventsMatching(payloads(events -> {
                    ViolationEscalatedEvent e = (ViolationEscalatedEvent) events.get(0);
                    assertThat(e.inspectionId()).isEqualTo("insp-4");
                    assertThat(e.findingId()).isEqualTo("finding-8");
                    assertThat(e.amount()).isEqualByComparingTo("100.00"); // 700 - 4 x 150
                    assertThat(e.description()).contains("超出100.00元");
                    assertThat(e.regulationId()).isEqualTo(REG);
                    assertThat(e.versionId()).isEqualTo(REG + "-v1");
                    assertThat(e.unit()).isEqualTo(UNIT);
                    assertThat(e.expenseAmount()).isEqualByComparingTo("700.00");
                }));
    }

    @Test
    void aViolationIsEscalatedOnlyOnce() {
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY, "700.00", 4, 1),
                        new EscalateViolationCommand(BOOK, "exp-1-V1", "insp-4", null, null, TODAY, null))
                .when(new EscalateViolationCommand(BOOK, "exp-1-V1", "insp-5", null, null, TODAY, null))
                .expectException(rule("VIOLATION_NOT_OPEN", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void resolvingByMoneyReturnedRecordsTheAmountAsAMoneyOutcomeOfTheEscalatedInspection() {
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY.minusDays(10), "700.00", 4, 1),
                        new EscalateViolationCommand(BOOK, "exp-1-V1", "insp-4", null, null, TODAY.minusDays(5), null))
                .when(new ResolveViolationCommand(BOOK, "exp-1-V1", ViolationResolution.MONEY_RETURNED, TODAY, "经办人退回超标部分",
                        yuan("100.00"), MoneyOutcomeKind.PERSONAL_COSTS_RECOVERED, null, null))
                .expectEvents(
                        new ViolationResolvedEvent(BOOK, UNIT, "exp-1-V1", ViolationResolution.MONEY_RETURNED, TODAY, "经办人退回超标部分",
                                yuan("100.00"), MoneyOutcomeKind.PERSONAL_COSTS_RECOVERED, "exp-1-V1-M", "insp-4"),
                        new MoneyOutcomeRecordedEvent(BOOK, UNIT, "exp-1-V1-M", MoneyOutcomeKind.PERSONAL_COSTS_RECOVERED, yuan("100.00"),
                                TODAY, "insp-4", "exp-1-V1", RegulationArea.RECEPTION, "违规问题exp-1-V1整改退回资金：经办人退回超标部分"));
    }

    @Test
    void refusesResolvingTwiceOrByMoneyWithoutAnAmount() {
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY, "700.00", 4, 1))
                .when(new ResolveViolationCommand(BOOK, "exp-1-V1", ViolationResolution.MONEY_RETURNED, TODAY, null, null,
                        MoneyOutcomeKind.FUNDS_RECOVERED, null, null))
                .expectException(rule("AMOUNT_REQUIRED", RuleViolationException.Kind.INVALID))
                .expectNoEvents();
        fixture.givenCommands(enactReception(), reception("exp-1", TODAY, "700.00", 4, 1),
                        new ResolveViolationCommand(BOOK, "exp-1-V1", ViolationResolution.PROCEDURE_REMEDIED, TODAY, null, null, null, null, null))
                .when(new ResolveViolationCommand(BOOK, "exp-1-V1", ViolationResolution.DISMISSED, TODAY, "误判", null, null, null, null))
                .expectException(rule("VIOLATION_RESOLVED", RuleViolationException.Kind.CONFLICT))
                .expectNoEvents();
    }

    @Test
    void recordsAMoneyOutcomeForANewUnitExactly() {
        fixture.givenNoPriorActivity()
                .when(new RecordMoneyOutcomeCommand(BOOK, UNIT, "m-1", MoneyOutcomeKind.FUNDS_RECOVERED, yuan("12345.6"),
                        TODAY, "insp-4", null, RegulationArea.FUNDS, "追缴专项结余资金"))
                .expectEvents(new RuleBookOpenedEvent(BOOK, UNIT),
                        new MoneyOutcomeRecordedEvent(BOOK, UNIT, "m-1", MoneyOutcomeKind.FUNDS_RECOVERED, yuan("12345.60"), TODAY,
                                "insp-4", null, RegulationArea.FUNDS, "追缴专项结余资金"));
    }

    @Test
    void refusesACommandForAnotherUnitsBook() {
        fixture.givenNoPriorActivity()
                .when(new RecordMoneyOutcomeCommand(BOOK, "区财政局", "m-1", MoneyOutcomeKind.FUNDS_RECOVERED, yuan("1"),
                        TODAY, null, null, null, null))
                .expectException(rule("RULE_BOOK_MISMATCH", RuleViolationException.Kind.INVALID))
                .expectNoEvents();
    }
}
