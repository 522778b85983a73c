package io.zhenggai.finance.query;

import io.zhenggai.api.finance.ExpenseCategory;
import io.zhenggai.api.finance.FinanceEvents.ExpenseCheckedEvent;
import io.zhenggai.api.finance.FinanceEvents.ExpenseRecordedEvent;
import io.zhenggai.api.finance.FinanceEvents.RegulationEnactedEvent;
import io.zhenggai.api.finance.FinanceQueries.FindRuleBookQuery;
import io.zhenggai.api.finance.FinanceQueries.RuleBookRef;
import io.zhenggai.api.finance.FinanceValues.Breach;
import io.zhenggai.api.finance.FinanceValues.Verdict;
import io.zhenggai.api.finance.RegulationArea;
import io.zhenggai.app.support.ProjectionRun;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The finance directory on real PostgreSQL: which unit's rule book holds an id, and an id is never in two books. */
class FinanceDirectoryTest {

    static final Instant T0 = Instant.parse("2024-03-01T02:00:00Z");
    static final String BOOK_A = "finance-rulebook:区委统战部";
    static final String BOOK_B = "finance-rulebook:区委宣传部";

    static ProjectionRun run;

    @BeforeAll
    static void database() {
        run = ProjectionRun.create("financedirectory");
    }

    @AfterAll
    static void close() throws Exception {
        run.close();
    }

    FinanceDirectory directory;

    @BeforeEach
    void setUp() {
        run.jdbc.sql("delete from finance_directory").update();
        directory = new FinanceDirectory(run.jdbc);
    }

    static RegulationEnactedEvent enacted(String book, String unit) {
        return new RegulationEnactedEvent(book, unit, "reg-1", "《公务接待管理办法》", RegulationArea.RECEPTION, "reg-1-v1", 1,
                null, LocalDate.of(2019, 1, 1), null, null, List.of(), List.of());
    }

    @Test
    void aRegulationAnExpenseAndItsViolationsAreFoundInTheirUnitsRuleBook() {
        Breach breach = new Breach("exp-1-V1", "reg-1", "reg-1-v1", 1, "《公务接待管理办法》", RegulationArea.RECEPTION, 0,
                "PER_PERSON_CAP", "工作餐", "150", "200", new BigDecimal("50.00"), null, new BigDecimal("50.00"), "超标准");
        List<Throwable> failures = run.apply(directory, List.of(
                ProjectionRun.event(BOOK_A, 1, T0, enacted(BOOK_A, "区委统战部")),
                ProjectionRun.event(BOOK_A, 2, T0, new ExpenseRecordedEvent(BOOK_A, "区委统战部", "exp-1", LocalDate.of(2024, 2, 1),
                        new BigDecimal("800.00"), ExpenseCategory.RECEPTION, null, null, 4, 0, List.of(), List.of(), List.of(), null)),
                ProjectionRun.event(BOOK_A, 3, T0, new ExpenseCheckedEvent(BOOK_A, "区委统战部", "exp-1", "exp-1",
                        LocalDate.of(2024, 2, 1), new BigDecimal("800.00"), ExpenseCategory.RECEPTION, Verdict.NON_COMPLIANT,
                        List.of(), List.of(breach)))), 10);

        assertThat(failures).isEmpty();
        RuleBookRef book = new RuleBookRef(BOOK_A, "区委统战部");
        assertThat(directory.handle(new FindRuleBookQuery(FinanceDirectory.REGULATION, "reg-1"))).isEqualTo(book);
        assertThat(directory.handle(new FindRuleBookQuery(FinanceDirectory.EXPENSE, "exp-1"))).isEqualTo(book);
        assertThat(directory.handle(new FindRuleBookQuery(FinanceDirectory.VIOLATION, "exp-1-V1"))).isEqualTo(book);
        assertThat(directory.handle(new FindRuleBookQuery(FinanceDirectory.EXPENSE, "exp-2"))).isNull();
    }

    @Test
    void anIdAlreadyInAnotherUnitsBookIsRefusedAndARedeliveryIsNot() {
        List<Throwable> failures = run.apply(directory, List.of(
                ProjectionRun.event(BOOK_A, 1, T0, enacted(BOOK_A, "区委统战部")),
                ProjectionRun.event(BOOK_A, 1, T0, enacted(BOOK_A, "区委统战部")),
                ProjectionRun.event(BOOK_B, 1, T0, enacted(BOOK_B, "区委宣传部"))), 1);

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessageContaining("already belongs to " + BOOK_A));
        assertThat(directory.handle(new FindRuleBookQuery(FinanceDirectory.REGULATION, "reg-1")).ruleBookId()).isEqualTo(BOOK_A);
    }
}
