package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bureau-like case through the case loader and the HTTP API on PostgreSQL: the notice lays section 二 out by
 * problem (manifestations, 整改情况, measures), its opening is worded by the unit, section 一 is empty and does not
 * print, the accountability block states a recorded zero, persons handled without a count, 人次 and 交由纪委调查, and
 * leaves out the kinds nobody stated, and money keeps its four decimals in 万元.
 */
class StructuredNoticeIT extends IntegrationTest {

    static JsonNode bureauCase(String id) throws IOException {
        try (InputStream in = StructuredNoticeIT.class.getClassLoader().getResourceAsStream("cases/bureau-notice.json")) {
            return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("@ID@", id));
        }
    }

    @Test
    void aBureauNoticeReadsAsTheUnitStatedIt() throws IOException {
        String id = uniqueId("bureau");
        Response loaded = api.as("admin").post("/api/admin/seeds", bureauCase(id));
        assertThat(loaded.status()).as(loaded.text()).isEqualTo(200);
        String noticeId = id + "-notice";
        await().atMost(Duration.ofSeconds(30)).until(() -> api.anonymous().get("/notices/" + noticeId + ".txt").status() == 200);

        JsonNode outcomes = api.as("auditor").get("/api/rectifications/" + id + "/accountability").json().path("outcomes");
        assertThat(outcomes).anySatisfy(o -> {
            assertThat(o.path("outcomeId").asText()).isEqualTo("a2");
            assertThat(o.path("personsNotCounted").asBoolean()).isTrue();
        });

        // persons not counted means no number at all: a count with it is refused and leaves no event
        String rectificationId = io.zhenggai.api.rectification.RectificationIds.forInspection(id);
        long before = eventCount(rectificationId);
        Response refused = api.as("rectifier").post("/api/rectifications/" + id + "/accountability", java.util.Map.of(
                "outcomeId", "a9", "kind", "ADMONITION", "date", "2023-10-10", "count", 2, "personsNotCounted", true));
        assertThat(refused.status()).as(refused.text()).isEqualTo(422);
        assertThat(refused.json().path("code").asText()).isEqualTo("COUNT_WITH_PERSONS_NOT_COUNTED");
        assertThat(eventCount(rectificationId)).isEqualTo(before);

        Response txt = api.anonymous().header("Accept", "text/plain").get("/notices/" + noticeId + ".txt");
        assertThat(txt.status()).isEqualTo(200);
        String unit = "市交通运输局" + id;
        assertThat(txt.text()).isEqualTo("""
                中共市交通运输局党组关于巡察整改进展情况的通报

                按照党务公开原则，2023年4月10日至5月31日，市委第三巡察组对UNIT开展了巡察，并于2023年7月20日反馈了巡察意见。现将巡察整改进展情况予以公布。

                一、巡察反馈问题整改落实情况

                截至目前，问责方面，政务处分0人次，对相关责任人员作出组织处理，交由纪委调查1人次。在专题民主生活会上，批评帮助2人次。追缴资金7.1325万元。

                （一）关于落实中央八项规定精神方面

                1.公务接待管理不规范

                部分接待超标准。

                接待清单填写不全。

                整改情况：一是修订公务接待管理办法。二是开展接待专项检查。

                2.公务用车管理不严格

                车辆使用登记不及时。

                整改情况：实行公务车辆动态排班。

                二、下一步工作打算

                （一）巩固整改成果

                坚持标本兼治，建立长效机制。

                欢迎广大干部群众对巡察整改落实情况进行监督。公开期限：2024年1月15日至2024年2月15日。联系方式：电话 0757-12345678。

                中共市交通运输局党组

                2024年1月15日
                """.replace("UNIT", unit));
    }
}
