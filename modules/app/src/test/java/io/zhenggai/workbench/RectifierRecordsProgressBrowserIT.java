package io.zhenggai.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rectifier's flow in a real browser: log in as {@code rectifier}/{@code demo} at {@code /}, open the seed case's
 * ledger (整改台账), filter it, open an item, record progress with a file — the file lands in the evidence store
 * and the progress names it, as the API would record it. Screenshot: {@code docs/screenshots/workbench-progress.png}.
 */
class RectifierRecordsProgressBrowserIT extends IntegrationTest {

    @Test
    void theRectifierRecordsProgressWithAFileOnTheSeedLedger() throws Exception {
        SeedLedger.load(api);
        String ledgerPath = "/api/rectifications/" + SeedLedger.INSPECTION_ID + "/items/" + SeedLedger.ONGOING_ITEM;
        int evidenceBefore = api.as("auditor").get(ledgerPath).json().path("evidence").size();
        Path file = Files.createTempFile("整改佐证", ".txt");
        Files.writeString(file, "第一议题学习记录 " + requestId, StandardCharsets.UTF_8);

        try (WorkbenchBrowser browser = new WorkbenchBrowser(port)) {
            browser.open("/");
            assertThat(browser.path()).as("anonymous: to the login page").isEqualTo("/login");
            browser.login("rectifier", "demo");
            assertThat(browser.find(By.cssSelector(".shell-user-roles")).getText()).isEqualTo("整改专员");
            assertThat(browser.driver.findElements(By.cssSelector(".shell-nav a")).stream().map(WebElement::getText))
                    .contains("整改台账").doesNotContain("待我审批");

            browser.find(By.linkText("整改台账")).click();
            browser.find(By.cssSelector("#rectifications a[href$='/" + SeedLedger.INSPECTION_ID + "']")).click();
            browser.find(By.id("items"));
            assertThat(browser.driver.findElements(By.cssSelector("#items tbody tr"))).hasSize(11);

            // filter: the ongoing items only (已建立长效机制)
            new Select(browser.find(By.name("status"))).selectByValue("LONG_TERM_MECHANISM_ESTABLISHED");
            browser.find(By.cssSelector("#filters button[type=submit]")).click();
            browser.await().until(ExpectedConditions.urlContains("status=LONG_TERM_MECHANISM_ESTABLISHED"));
            assertThat(browser.driver.findElements(By.cssSelector("#items tbody tr"))).hasSize(4);

            browser.find(By.cssSelector("#items tr[data-item-id='" + SeedLedger.ONGOING_ITEM + "'] a")).click();
            browser.find(By.id("progress-form"));
            browser.find(By.id("progress-text")).sendKeys("组织开展“第一议题”专题学习，形成学习记录。");
            browser.find(By.id("progress-files")).sendKeys(file.toAbsolutePath().toString());
            browser.find(By.id("progress-submit")).click();

            WebElement message = browser.find(By.id("message"));
            assertThat(message.getText()).isEqualTo("已记录整改进展");
            assertThat(browser.driver.findElements(By.cssSelector("#evidence a.evidence-file")).stream().map(WebElement::getText))
                    .contains(file.getFileName().toString());
            assertThat(browser.find(By.id("history")).getText()).contains("记录进展", "rectifier", "组织开展“第一议题”专题学习");
            browser.screenshot("workbench-progress.png");
        }

        JsonNode item = api.as("auditor").get(ledgerPath).json();
        assertThat(item.path("evidence").size()).isEqualTo(evidenceBefore + 1);
        JsonNode last = item.path("evidence").get(item.path("evidence").size() - 1);
        assertThat(last.path("evidence").path("kind").asText()).isEqualTo("FILE");
        assertThat(last.path("evidence").path("file").path("fileName").asText()).isEqualTo(file.getFileName().toString());
        byte[] stored = api.as("auditor").get(last.path("downloadPath").asText()).bytes();
        assertThat(new String(stored, StandardCharsets.UTF_8)).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        assertThat(item.path("status").asText()).as("status unchanged").isEqualTo("LONG_TERM_MECHANISM_ESTABLISHED");
        assertThat(item.path("progress").findValuesAsText("recordedBy")).contains("rectifier");
    }
}
