package io.zhenggai.rectification;

import io.zhenggai.platform.digest.Sha256;
import io.zhenggai.app.support.ApiClient.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The input limits of the rectification API (docs/operations/README.md, "Input limits"), through HTTP. */
class RectificationInputIT extends RectificationItSupport {

    private Delivered d;

    @BeforeEach
    void deliveredAndAdopted() {
        d = deliverInspection();
        awaitLedger(d);
        adoptedPlan(d);
    }

    @Test
    void anExtensionToAnUnboundedDueDateIsA400NamingItAndLeavesNoEvent() {
        long before = eventCount(d.rectificationId());
        for (String due : new String[]{"+999999999-12-31", today().plusYears(50).plusDays(1).toString()}) {
            Response r = expect(api.as("unit_leader").post(d.path() + "/items/i1/extensions", body("newDueDate", due,
                    "date", today(), "reason", "客观原因", "approver", "李部长")), 400);
            assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("newDueDate");
            assertThat(r.json().get("errors").get(0).get("code").asText()).isEqualTo("DATE_OUT_OF_RANGE");
        }
        assertThat(eventCount(d.rectificationId())).isEqualTo(before);
        expect(api.as("unit_leader").post(d.path() + "/items/i1/extensions", body("newDueDate", today().plusYears(50),
                "date", today(), "reason", "客观原因", "approver", "李部长")), 200);
    }

    @Test
    void composingANoticeWithAnIdTakenIs409IdTakenAndLeavesNoEvent() {
        String noticeId = uniqueId("notice");
        Response first = api.as("publisher").post("/api/notices", body("noticeId", noticeId, "inspectionId", d.inspectionId()));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response again = api.as("publisher").header("X-Request-Id", "it-dup-" + noticeId)
                .post("/api/notices", body("noticeId", noticeId, "inspectionId", d.inspectionId()));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("ID_TAKEN");
        assertThat(eventCountWithMetadata("requestId", "it-dup-" + noticeId)).isZero();
        assertThat(eventCount(noticeId)).isEqualTo(1);
    }

    @Test
    void anUploadAboveTheFileLimitIs413FileTooLarge() {
        byte[] big = new byte[20 * 1024 * 1024 + 100 * 1024];
        Response r = expect(upload("rectifier", d.path() + "/evidence-files", "big.bin", "application/octet-stream", big), 413);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asText()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void aLargeUploadIsStreamedToItsHashAndBackIntact() {
        byte[] scan = new byte[3 * 1024 * 1024 + 17];
        new Random(12).nextBytes(scan);
        Response uploaded = expect(upload("rectifier", d.path() + "/evidence-files", "扫描件.pdf", "application/pdf", scan), 201);
        String sha = uploaded.json().get("sha256").asText();
        assertThat(sha).isEqualTo(Sha256.hex(scan));
        assertThat(uploaded.json().get("size").asLong()).isEqualTo(scan.length);
        Response download = expect(api.as("auditor").get(d.path() + "/evidence-files/" + sha), 200);
        assertThat(Arrays.equals(download.bytes(), scan)).isTrue();
    }
}
