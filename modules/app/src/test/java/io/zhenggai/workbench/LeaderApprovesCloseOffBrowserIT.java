package io.zhenggai.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The unit leader's flow in a real browser: a seed item is reopened after a look-back review (回头看) and its
 * close-off requested again (through the API, as the leader and the rectifier); the leader logs in as
 * {@code unit_leader}/{@code demo}, finds the request in 待我审批 with exactly the evidence it names, and approves it:
 * the approval records those evidence ids. Screenshot: {@code docs/screenshots/workbench-approval.png}.
 */
class LeaderApprovesCloseOffBrowserIT extends IntegrationTest {

    @Test
    void theUnitLeaderApprovesTheCloseOffFromTheQueue() throws Exception {
        SeedLedger.load(api);
        String base = "/api/rectifications/" + SeedLedger.INSPECTION_ID;
        String item = SeedLedger.CLOSED_ITEM;
        ok(api.as("unit_leader").post(base + "/items/" + item + "/reopening",
                Map.of("date", "2024-03-25", "reason", "回头看：佐证材料不全")));
        ok(api.as("rectifier").post(base + "/items/" + item + "/progress", Map.of("date", "2024-03-25",
                "status", "COMPLETED", "text", "补充会议纪要", "evidence", List.of(Map.of("kind", "MEETING",
                        "meeting", Map.of("title", "部务会专题研究大统战工作格局", "date", "2024-03-25"))))));
        ok(api.as("rectifier").post(base + "/items/" + item + "/close-off/request",
                Map.of("date", "2024-03-25", "summary", "补齐佐证后再次申请销号")));
        JsonNode requested = api.as("auditor").get(base + "/items/" + item).json();
        assertThat(requested.path("closeOff").asText()).isEqualTo("REQUESTED");
        JsonNode lastRequest = null;
        for (JsonNode r : requested.path("closeOffHistory")) {
            if (r.path("action").asText().equals("REQUESTED")) {
                lastRequest = r;
            }
        }
        List<String> named = lastRequest.path("evidence").findValuesAsText("evidenceId");
        assertThat(named).isNotEmpty();

        try (WorkbenchBrowser browser = new WorkbenchBrowser(port)) {
            browser.login("unit_leader", "demo");
            assertThat(browser.find(By.cssSelector(".shell-user-roles")).getText()).isEqualTo("单位领导");
            browser.find(By.linkText("待我审批")).click();
            WebElement card = browser.find(By.cssSelector(".approval[data-item-id='" + item + "']"));
            List<String> shown = card.findElements(By.cssSelector(".approval-evidence tr[data-evidence-id]")).stream()
                    .map(e -> e.getAttribute("data-evidence-id")).toList();
            assertThat(shown).as("exactly the evidence of the request").containsExactlyInAnyOrderElementsOf(named);
            assertThat(card.getText()).contains("补齐佐证后再次申请销号", "部务会专题研究大统战工作格局");
            browser.screenshot("workbench-approval.png");

            card.findElement(By.cssSelector(".approve-form input[name=comment]")).sendKeys("经审核，同意销号");
            card.findElement(By.cssSelector("button.approve")).click();
            assertThat(browser.find(By.id("message")).getText()).isEqualTo("已同意销号");
            assertThat(browser.driver.findElements(By.cssSelector(".approval[data-item-id='" + item + "']"))).isEmpty();
        }

        JsonNode approved = api.as("auditor").get(base + "/items/" + item).json();
        assertThat(approved.path("closeOff").asText()).isEqualTo("CLOSED_OFF");
        JsonNode approval = null;
        for (JsonNode r : approved.path("closeOffHistory")) {
            if (r.path("action").asText().equals("APPROVED")) {
                approval = r;
            }
        }
        assertThat(approval.path("recordedBy").asText()).isEqualTo("unit_leader");
        assertThat(approval.path("text").asText()).isEqualTo("经审核，同意销号");
        assertThat(approval.path("evidence").findValuesAsText("evidenceId")).containsExactlyInAnyOrderElementsOf(named);
    }

    private static void ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 201);
    }
}
