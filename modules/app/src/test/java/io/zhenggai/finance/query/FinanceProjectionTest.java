package io.zhenggai.finance.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;
import io.zhenggai.api.finance.MoneyOutcomeKind;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.app.support.ProjectionRun;
import io.zhenggai.platform.security.ScopeVisibility;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance projection on real PostgreSQL (giftcard's {@code CardSummaryProjectionTest} shape): its handlers are
 * called with events, and the finance query handlers answer from what it wrote; a redelivery changes nothing.
 */
class FinanceProjectionTest {

    static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules().build();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-25T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");
    static final String UNIT = "区委统战部";
    static final String BOOK = "finance-rulebook:" + UNIT;

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("financeprojection");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    FinanceProjection projection;
    RegulationQueryHandler regulations;
    ExpenseQueryHandler expenses;
    MoneyOutcomeQueryHandler money;

    @BeforeEach
    void setUp() {
        ObjectProvider<ScopeVisibility> everyone = new StaticListableBeanFactory().getBeanProvider(ScopeVisibility.class);
        projection = new FinanceProjection(run.jdbc, JSON);
        projection.reset();
        regulations = new RegulationQueryHandler(run.jdbc, JSON, CLOCK, everyone);
        expenses = new ExpenseQueryHandler(run.jdbc, JSON, everyone);
        money = new MoneyOutcomeQueryHandler(run.jdbc, everyone);
    }

    static List<DomainEventMessage<?>> history() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(ProjectionRun.event(BOOK, 0, T0, new RuleBookOpenedEvent(BOOK, UNIT)));
        events.add(ProjectionRun.event(BOOK, 1, T0, new RegulationEnactedEvent(BOOK, UNIT, "reg-1", "《公务接待管理办法》",
                RegulationArea.RECEPTION, "reg-1-v1", 1, "统战发〔2019〕1号", LocalDate.of(2019, 1, 1), null, "补录",
                List.of(), List.of(new AnswerLink("insp-7", "f3", null)))));
        events.add(ProjectionRun.event(BOOK, 2, T0, new ExpenseRecordedEvent(BOOK, UNIT, "exp-1", LocalDate.of(2024, 2, 1),
                new BigDecimal("560.00"), ExpenseCategory.RECEPTION, "某宾馆", "接待", 4, 2, List.of(), List.of(), List.of(), null)));
        events.add(ProjectionRun.event(BOOK, 3, T0, new ExpenseCheckedEvent(BOOK, UNIT, "exp-1", "exp-1",
                LocalDate.of(2024, 2, 1), new BigDecimal("560.00"), ExpenseCategory.RECEPTION, Verdict.COMPLIANT, List.of(),
                List.of())));
        events.add(ProjectionRun.event(BOOK, 4, T0, new MoneyOutcomeRecordedEvent(BOOK, UNIT, "m-1", MoneyOutcomeKind.values()[0],
                new BigDecimal("1200.50"), LocalDate.of(2024, 3, 1), "insp-7", null, RegulationArea.RECEPTION, "追缴")));
        return events;
    }

    @Test
    void aRegulationEnactedIsListedInForceWithItsFirstVersionAndCountsForTheInspectionItAnswers() {
        assertThat(run.apply(projection, history(), 100)).isEmpty();

        RegulationView view = regulations.handle(new FindRegulationQuery("reg-1"));
        assertThat(view.title()).isEqualTo("《公务接待管理办法》");
        assertThat(view.status()).isEqualTo("IN_FORCE");
        assertThat(view.versions()).extracting(VersionView::versionNumber).containsExactly(1);
        assertThat(regulations.handle(new ListRegulationsQuery(UNIT, null, null)).items())
                .extracting(RegulationSummary::regulationId).containsExactly("reg-1");
        InspectionRegulations answered = regulations.handle(new FindInspectionRegulationsQuery("insp-7"));
        assertThat(answered.count()).isEqualTo(1);
        assertThat(answered.label()).isEqualTo("健全完善制度1项（制定1项、修订0项）");
    }

    @Test
    void anExpenseIsShownWithItsBindingVerdictAndMoneyIsTotalledExactly() {
        assertThat(run.apply(projection, history(), 2)).isEmpty();

        ExpenseView expense = expenses.handle(new FindExpenseQuery("exp-1"));
        assertThat(expense.verdict()).isEqualTo(Verdict.COMPLIANT);
        assertThat(expense.amount()).isEqualByComparingTo("560.00");
        assertThat(expenses.handle(new ListExpensesQuery(UNIT, null, null, null, null, null, 0, 20)).total()).isEqualTo(1);
        MoneyTotals totals = money.handle(new FindMoneyTotalsQuery("INSPECTION", null, null, null, null, null));
        assertThat(totals.total()).isEqualByComparingTo("1200.50");
        assertThat(totals.groups()).extracting(MoneyTotalGroup::key).containsExactly("insp-7");
    }

    @Test
    void aRedeliveredHistoryChangesNothing() {
        run.apply(projection, history(), 100);
        run.apply(projection, history(), 100);

        assertThat(expenses.handle(new ListExpensesQuery(null, null, null, null, null, null, 0, 20)).total()).isEqualTo(1);
        assertThat(money.handle(new ListMoneyOutcomesQuery(null, null, null, null, null, null)).total())
                .isEqualByComparingTo("1200.50");
        assertThat(regulations.handle(new FindRegulationQuery("reg-1")).links()).hasSize(1);
    }
}
