package io.zhenggai.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.publication.PublicationScenario;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publisher's flow in a real browser: log in as {@code publisher}/{@code demo}, compose a draft from an
 * inspection's ledger, write a number by hand that contradicts the ledger and see the checker's message at that
 * sentence in the live preview, put the placeholder instead and sign it, save; the unit leader approves the
 * content shown (the approval is a unit leader's, as the API requires); the publisher publishes it and the public
 * page shows it. Screenshots: {@code docs/screenshots/workbench-notice-compose.png} (the message at its sentence)
 * and {@code workbench-notice-published.png}.
 */
class PublisherPublishesNoticeBrowserIT extends IntegrationTest {

    @Test
    void thePublisherComposesChecksAndPublishesANotice() throws Exception {
        String inspectionId = uniqueId("wb-notice");
        PublicationScenario.ledger(api, inspectionId);
        String noticeId;

        try (WorkbenchBrowser browser = new WorkbenchBrowser(port)) {
            browser.login("publisher", "demo");
            assertThat(browser.find(By.cssSelector(".shell-user-roles")).getText()).isEqualTo("信息公开专员");
            browser.find(By.linkText("整改通报")).click();
            browser.find(By.id("compose-form"));
            browser.open("/workbench/notices?inspectionId=" + inspectionId);
            assertThat(browser.find(By.cssSelector("#inspectionId option:checked")).getAttribute("value")).isEqualTo(inspectionId);
            browser.find(By.id("compose-submit")).click();
            assertThat(browser.find(By.id("message")).getText()).isEqualTo("已根据台账生成通报草稿");
            noticeId = browser.path().substring("/workbench/notices/".length());
            assertThat(browser.find(By.id("notice-status")).getText()).isEqualTo("草稿");
            // the standard draft is not signed yet: the checker says so before anything is typed
            assertThat(browser.find(By.id("issues")).getText()).contains("必须写明成文日期");

            // a count typed by hand that contradicts the ledger: the live preview puts the message at its sentence
            WebElement text = browser.find(By.name("responsibilitySections[0].text"));
            browser.find(By.name("responsibilitySections[0].title")).sendKeys("务求整改实效");
            text.sendKeys("制定整改方案。健全完善制度9项，堵塞管理漏洞。");
            WebElement issue = browser.await().until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#issues li[data-code=NUMBER_CONTRADICTS_LEDGER]")));
            assertThat(issue.getAttribute("data-field")).isEqualTo("responsibilitySections[0].text");
            assertThat(issue.findElement(By.tagName("q")).getText()).isEqualTo("健全完善制度9项，堵塞管理漏洞。");
            assertThat(browser.find(By.cssSelector("#preview p.has-issue")).getText()).contains("健全完善制度9项");
            assertThat(browser.find(By.cssSelector(".issue-note")).getText()).contains("台账为1");
            browser.screenshot("workbench-notice-compose.png");

            // the placeholder instead, and the date written: nothing left to block the approval
            text.clear();
            text.sendKeys("制定{{planTitle}}。健全完善制度{{regulationCount}}项，堵塞管理漏洞。");
            setDate(browser, browser.find(By.id("dateWritten")), "2024-03-25");
            browser.await().until(ExpectedConditions.textToBe(By.id("issue-count"), "0"));
            assertThat(browser.find(By.id("preview")).getText()).contains("健全完善制度1项", PublicationScenario.PLAN_TITLE);
            browser.find(By.id("save-narrative")).click();
            assertThat(browser.find(By.id("message")).getText()).isEqualTo("已保存草稿");
            assertThat(browser.driver.findElements(By.cssSelector("#issues li"))).isEmpty();
            logout(browser);

            browser.login("unit_leader", "demo");
            browser.open("/workbench/notices/" + noticeId);
            assertThat(browser.find(By.id("preview")).getText()).contains("健全完善制度1项");
            browser.find(By.id("comment")).sendKeys("同意公开");
            browser.find(By.id("approve-submit")).click();
            assertThat(browser.find(By.id("message")).getText()).isEqualTo("已审核通过");
            assertThat(browser.find(By.id("notice-status")).getText()).isEqualTo("已审核");
            logout(browser);

            browser.login("publisher", "demo");
            browser.open("/workbench/notices/" + noticeId);
            browser.find(By.id("publish-submit")).click();
            assertThat(browser.find(By.id("message")).getText()).isEqualTo("已发布");
            assertThat(browser.find(By.id("notice-status")).getText()).isEqualTo("公开中");
            assertThat(browser.find(By.id("public-link")).getAttribute("href")).endsWith("/notices/" + noticeId);
            browser.screenshot("workbench-notice-published.png");
        }

        JsonNode published = api.as("auditor").get("/api/notices/" + noticeId).json();
        assertThat(published.path("notice").path("status").asText()).isEqualTo("PUBLISHED");
        assertThat(published.path("notice").path("approval").path("approvedBy").asText()).isEqualTo("unit_leader");
        assertThat(published.path("notice").path("publication").path("publishedBy").asText()).isEqualTo("publisher");
        assertThat(published.path("text").asText()).contains("健全完善制度1项").doesNotContain("制度9项");
        assertThat(api.anonymous().get("/notices/" + noticeId + ".txt").text()).contains("健全完善制度1项");
    }

    private static void logout(WorkbenchBrowser browser) {
        browser.find(By.cssSelector(".shell-logout button")).click();
        browser.find(By.id("username"));
    }

    private static void setDate(WorkbenchBrowser browser, WebElement input, String date) {
        ((JavascriptExecutor) browser.driver).executeScript(
                "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", input, date);
    }
}
