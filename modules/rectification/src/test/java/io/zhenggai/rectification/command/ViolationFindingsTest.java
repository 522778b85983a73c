package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.RectificationCommands.TakeOverViolationCommand;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static io.zhenggai.rectification.command.RectificationTestData.RID;
import static org.assertj.core.api.Assertions.assertThat;

class ViolationFindingsTest {

    private static TakeOverViolationCommand violation(String description, String breach, String regulation) {
        return new TakeOverViolationCommand(RID, "V1", null, description, new BigDecimal("80.00"), null, "exp-b",
                LocalDate.of(2024, 2, 1), regulation, breach);
    }

    @Test
    void whatTheViolationWasFallsBackFromItsDescriptionToTheBreachToItsNumber() {
        assertThat(ViolationFindings.what(violation(" 公务接待超标准 ", "超标准", null))).isEqualTo("公务接待超标准");
        assertThat(ViolationFindings.what(violation(" ", "人均超出80元", null))).isEqualTo("人均超出80元");
        assertThat(ViolationFindings.what(violation(null, null, null))).isEqualTo("违规问题V1");
    }

    @Test
    void theDescriptionNamesAmountExpenseRegulationInBracketsAndTheBreachOnce() {
        assertThat(ViolationFindings.description(violation("公务接待超标准", "人均超出80元", "公务接待管理办法"), "公务接待超标准"))
                .isEqualTo("公务接待超标准；涉及金额80.00元；支出exp-b（2024-02-01）；依据《公务接待管理办法》；人均超出80元");
        assertThat(ViolationFindings.description(violation(null, "人均超出80元", "《公务接待管理办法》"), "人均超出80元"))
                .isEqualTo("人均超出80元；涉及金额80.00元；支出exp-b（2024-02-01）；依据《公务接待管理办法》");
    }

    @Test
    void longTitlesAreCutWithAnEllipsisAtTheirLimit() {
        String what = "超".repeat(600);
        assertThat(ViolationFindings.findingTitle(what)).hasSize(ViolationFindings.FINDING_TITLE_MAX).endsWith("…");
        assertThat(ViolationFindings.itemTitle(what)).hasSize(ViolationFindings.ITEM_TITLE_MAX).startsWith("整改违规支出：");
        assertThat(ViolationFindings.itemTitle("短")).isEqualTo("整改违规支出：短");
    }

    @Test
    void anUnknownFindingIsSaidOnlyWhenOneWasNamed() {
        assertThat(ViolationFindings.unknownFinding(null)).isEmpty();
        assertThat(ViolationFindings.unknownFinding("f9")).isEqualTo("；移交时指明的问题“f9”不在本整改台账中");
        assertThat(ViolationFindings.itemId("V1")).isEqualTo("viol-V1");
        assertThat(ViolationFindings.reason("V1")).isEqualTo("财务违规升级：V1");
    }
}
