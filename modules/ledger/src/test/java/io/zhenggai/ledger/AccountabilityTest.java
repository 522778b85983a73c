package io.zhenggai.ledger;

import io.zhenggai.api.rectification.AccountabilityKind;
import io.zhenggai.api.rectification.RectificationQueries.AccountabilityCount;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountabilityTest {

    @Test
    void onlyTheKindsRecordedAreListedARecordedZeroIncludedInDeclarationOrder() {
        List<AccountabilityCount> byKind = Accountability.byKind(List.of(
                new Accountability.Fact(AccountabilityKind.REMINDER_TALK, 2, false),
                new Accountability.Fact(AccountabilityKind.GOVERNMENT_SANCTION, 0, false),
                new Accountability.Fact(AccountabilityKind.REMINDER_TALK, 1, false)));
        assertThat(byKind).containsExactly(
                new AccountabilityCount(AccountabilityKind.GOVERNMENT_SANCTION, "政务处分", 0, false),
                new AccountabilityCount(AccountabilityKind.REMINDER_TALK, "提醒谈话", 3, false));
        assertThat(Accountability.total(byKind)).isEqualTo(3);
    }

    @Test
    void aKindStatedOnlyWithoutANumberIsUncountedAndAddsNoPersons() {
        List<AccountabilityCount> byKind = Accountability.byKind(List.of(
                new Accountability.Fact(AccountabilityKind.HANDLING, 0, true),
                new Accountability.Fact(AccountabilityKind.ADMONITION, 7, true),
                new Accountability.Fact(AccountabilityKind.ADMONITION, 2, false)));
        assertThat(byKind).containsExactly(
                new AccountabilityCount(AccountabilityKind.ADMONITION, "诫勉", 2, false),
                new AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true));
        assertThat(Accountability.total(byKind)).isEqualTo(2);
    }

    @Test
    void sumsOfSeveralAddUpByKindAndStayUncountedOnlyWhenUncountedEverywhere() {
        List<AccountabilityCount> first = Accountability.byKind(List.of(
                new Accountability.Fact(AccountabilityKind.HANDLING, 0, true),
                new Accountability.Fact(AccountabilityKind.ADMONITION, 0, true)));
        List<AccountabilityCount> second = Accountability.byKind(List.of(
                new Accountability.Fact(AccountabilityKind.ADMONITION, 3, false),
                new Accountability.Fact(AccountabilityKind.GOVERNMENT_SANCTION, 0, false)));
        assertThat(Accountability.sum(java.util.stream.Stream.concat(first.stream(), second.stream()).toList())).containsExactly(
                new AccountabilityCount(AccountabilityKind.GOVERNMENT_SANCTION, "政务处分", 0, false),
                new AccountabilityCount(AccountabilityKind.ADMONITION, "诫勉", 3, false),
                new AccountabilityCount(AccountabilityKind.HANDLING, "处理", 0, true));
    }

    @Test
    void nothingRecordedListsNothing() {
        assertThat(Accountability.byKind(List.of())).isEmpty();
    }
}
