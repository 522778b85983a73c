package io.zhenggai.rectification;

import io.zhenggai.workbench.PageSession;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 导入整改台账 on the pages: the page renders for those who record the ledger and is refused to the others (403; another
 * unit's rectifier: 404; anonymous: the login page); a file with bad cells shows each error in its row and column of
 * the preview table and imports nothing, not even when its import is posted anyway; an office's own workbook is mapped
 * on the page (the 问题 column named by letter, the rest prefilled from what the preview detected) and imports through
 * the page; the ledger page offers the downloads (ledger.xlsx now and as of a date) and the import to whom may use it.
 */
class LedgerImportPageIT extends RectificationItSupport {

    private static String page(Delivered d) {
        return "/workbench/ledgers/" + d.inspectionId() + "/import";
    }

    @Test
    void theImportPageRendersForThoseWhoRecordAndIsRefusedToOthers() {
        Delivered d = deliverInspection();
        awaitLedger(d);
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        PageSession.Page page = rectifier.get(page(d));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("导入整改台账", "id=\"upload-form\"", "name=\"_csrf\"");
        String ledger = rectifier.get("/workbench/ledgers/" + d.inspectionId()).body();
        assertThat(ledger).contains("id=\"ledger-import\"", "href=\"/api/rectifications/" + d.inspectionId() + "/ledger.xlsx\"",
                "id=\"ledger-xlsx-as-of\"", "name=\"asOf\"");
        assertThat(new PageSession(port).loggedInAs("admin").get(page(d)).status()).isEqualTo(200);

        for (String user : List.of("auditor", "inspector", "unit_leader", "publisher", "finance_officer")) {
            PageSession session = new PageSession(port).loggedInAs(user);
            PageSession.Page refused = session.get(page(d));
            assertThat(refused.status()).as(user).isEqualTo(403);
            assertThat(refused.body()).as(user).contains("无权访问");
        }
        PageSession auditor = new PageSession(port).loggedInAs("auditor");
        String readersLedger = auditor.get("/workbench/ledgers/" + d.inspectionId()).body();
        assertThat(readersLedger).as("a reader downloads but does not import").contains("id=\"ledger-xlsx\"")
                .doesNotContain("id=\"ledger-import\"");
        long before = eventCount(d.rectificationId());
        PageSession leader = new PageSession(port).loggedInAs("unit_leader");
        leader.get("/workbench/ledgers/" + d.inspectionId());
        assertThat(leader.postFile(page(d) + "/upload", Map.of(), "file", "l.xlsx", new byte[]{1}).status()).isEqualTo(403);
        assertThat(leader.post(page(d), Map.of("upload", "x", "date", today().toString())).status()).isEqualTo(403);

        PageSession other = new PageSession(port).loggedInAs("rectifier_b");
        PageSession.Page notFound = other.get(page(d));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.body()).contains("未找到");
        PageSession.Page anonymous = new PageSession(port).get(page(d));
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        assertThat(eventCount(d.rectificationId())).isEqualTo(before);
    }

    @Test
    void aBadFileShowsItsErrorsByRowAndColumnAndImportsNothing() throws Exception {
        Delivered d = deliverInspection();
        awaitLedger(d);
        setUpGroup(d);
        byte[] file = LedgerExcelIT.workbook(List.of(
                List.of("序号", "问题", "整改事项", "整改措施", "责任领导", "责任部门", "完成时限", "完成情况"),
                List.of("1", "“第一议题”制度落实不到位", "落实第一议题制度", "每月学习", "王副部长", "办公室", "2099-12-31", "未启动"),
                List.of("2", "大统战工作格局不够有力", "健全工作格局", "建立联席会议", "王副部长", "办公室", "明年再说", "未启动"),
                List.of("3", "财务管理制度不健全", "修订制度", "修订财务制度", "查无此人", "财务股", "长期坚持", "")));
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(page(d));
        long before = eventCount(d.rectificationId());
        PageSession.Page uploaded = rectifier.postFile(page(d) + "/upload", Map.of(), "file", "台账.xlsx", file);
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(302);
        assertThat(uploaded.location()).contains(page(d) + "?upload=");
        String preview = rectifier.get(local(uploaded.location())).body();
        assertThat(preview).contains("id=\"preview-table\"", "id=\"preview-invalid\"", "表格中有2处错误");
        assertThat(preview).as("the due date of row 3 in column G")
                .containsPattern("data-error-row=\"3\"\\s+data-error-column=\"G\"");
        assertThat(preview).as("the leader of row 4 in column E")
                .containsPattern("data-error-row=\"4\"\\s+data-error-column=\"E\"");
        assertThat(preview).as("no import of an invalid file").doesNotContain("id=\"import-form\"");
        String token = uploaded.location().substring(uploaded.location().indexOf("upload=") + "upload=".length());

        PageSession.Page forced = rectifier.post(page(d), Map.of("upload", token, "date", today().toString()));
        assertThat(forced.status()).isEqualTo(302);
        String back = rectifier.get(local(forced.location())).body();
        assertThat(back).contains("表格中有2处错误，未导入任何内容");
        assertThat(eventCount(d.rectificationId())).as("nothing imported").isEqualTo(before);

        PageSession.Page notXlsx = rectifier.postFile(page(d) + "/upload", Map.of(), "file", "台账.csv",
                "序号,问题\n1,x\n".getBytes(StandardCharsets.UTF_8));
        String refused = rectifier.get(local(notXlsx.location())).body();
        assertThat(refused).contains("id=\"file-error\"", ".xlsx");
        PageSession.Page none = rectifier.postFile(page(d) + "/upload", Map.of(), "file", "", new byte[0]);
        assertThat(rectifier.get(local(none.location())).body()).contains("请选择要导入的 Excel 文件");
        assertThat(eventCount(d.rectificationId())).as("nothing imported").isEqualTo(before);
    }

    @Test
    void anOfficesWorkbookIsMappedOnThePageAndImportsThroughIt() throws Exception {
        Delivered d = deliverInspection();
        awaitLedger(d);
        setUpGroup(d);
        byte[] file = LedgerExcelIT.workbook(List.of(
                List.of("某单位巡察整改台账"),
                List.of("编号", "反馈的问题", "整改措施", "责任领导", "责任部门", "完成时限", "完成情况"),
                List.of("1", "“第一议题”制度落实不到位", "1. 每月学习\n2. 专题研讨", "王副部长", "办公室", "2099-12-31", "未启动"),
                List.of("2", "财务管理制度不健全", "修订财务制度", "王副部长", "财务股", "长期坚持", "")));
        PageSession rectifier = new PageSession(port).loggedInAs("rectifier");
        rectifier.get(page(d));
        long before = eventCount(d.rectificationId());
        PageSession.Page uploaded = rectifier.postFile(page(d) + "/upload", Map.of(), "file", "台账.xlsx", file);
        String unmapped = rectifier.get(local(uploaded.location())).body();
        assertThat(unmapped).as("no 问题 column found: the page asks for it").contains("id=\"file-error\"", "data-error-for=\"problem\"")
                .doesNotContain("id=\"import-form\"");

        String mapped = rectifier.get(local(uploaded.location()) + "&problem=B").body();
        assertThat(mapped).contains("id=\"preview-table\"", "id=\"import-form\"").doesNotContain("id=\"preview-invalid\"");
        assertThat(mapped).as("the mapping is prefilled from the detected columns")
                .containsPattern("name=\"problem\"\\s+value=\"B\"").containsPattern("name=\"leader\"\\s+value=\"D\"")
                .containsPattern("name=\"headerRow\"[^>]*value=\"2\"");
        assertThat(eventCount(d.rectificationId())).as("a preview changes nothing").isEqualTo(before);

        String token = uploaded.location().substring(uploaded.location().indexOf("upload=") + "upload=".length());
        PageSession.Page imported = rectifier.post(page(d), Map.of("upload", token, "problem", "B", "headerRow", "2",
                "date", today().toString()));
        assertThat(imported.status()).isEqualTo(302);
        assertThat(imported.location()).endsWith("/workbench/ledgers/" + d.inspectionId());
        String ledger = rectifier.get(local(imported.location())).body();
        assertThat(ledger).contains("已导入：新增事项 2 项");
        assertThat(eventCount(d.rectificationId())).isGreaterThan(before);
        assertThat(api.as("auditor").get(d.path()).json().path("totals").path("items").asInt()).isEqualTo(2);

        PageSession.Page again = rectifier.post(page(d), Map.of("upload", token, "problem", "B", "date", today().toString()));
        assertThat(rectifier.get(local(again.location())).body()).as("the file was imported: it waits no more")
                .contains("上传的文件已失效");
    }

    private static String local(String location) {
        String path = location.replaceFirst("^https?://[^/]+", "");
        return path;
    }

}
