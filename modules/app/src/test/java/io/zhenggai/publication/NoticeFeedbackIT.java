package io.zhenggai.publication;

import com.fasterxml.jackson.databind.JsonNode;
import io.zhenggai.app.support.ApiClient.Response;
import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.RawHttp;
import io.zhenggai.publication.web.FeedbackRateLimiter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static io.zhenggai.publication.PublicationScenario.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Public feedback on a published notice: the window, the rate limit, escaping, personal data, handling by staff. */
class NoticeFeedbackIT extends IntegrationTest {

    static final LocalDate TODAY = io.zhenggai.app.support.ItClock.today();

    @Autowired
    FeedbackRateLimiter limiter;

    @BeforeEach
    void freshBuckets() {
        limiter.clear();
    }

    private String openNotice() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        PublicationScenario.compose(api, id, insp);
        PublicationScenario.approveAndPublish(api, id, TODAY.toString(), TODAY.plusDays(30).toString(), false);
        return id;
    }

    private Response postForm(String path, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder();
        fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Response(r.statusCode(), r.headers(), r.body());
    }

    @Test
    void takesFeedbackInTheWindowEscapesItAndKeepsContactDetailsForStaffOnly() throws Exception {
        String id = openNotice();
        Response form = api.anonymous().header("Accept", "text/html").get("/notices/" + id + "/feedback");
        ok(form, 200);
        assertThat(form.text()).contains("<form method=\"post\"", "maxlength=\"2000\"", "不会公开");

        String script = "<script>alert('x')</script>公务用车排班没有按月公开";
        Response submitted = postForm("/notices/" + id + "/feedback", Map.of("text", script, "name", "张三",
                "contact", "zhangsan-secret@example.org"));
        ok(submitted, 201);
        assertThat(submitted.contentType()).startsWith("text/html");
        assertThat(submitted.text()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;公务用车排班").doesNotContain("<script>");

        Response json = api.anonymous().post("/notices/" + id + "/feedback", Map.of("text", "建议公开整改台账", "contact", "13800001111"));
        ok(json, 201);
        String jsonFeedbackId = json.json().path("feedbackId").asText();
        ok(api.anonymous().post("/notices/" + id + "/feedback", Map.of("text", "")), 400);
        ok(api.anonymous().post("/notices/" + id + "/feedback", Map.of("text", "长".repeat(2001))), 400);
        Response tooLongForm = postForm("/notices/" + id + "/feedback", Map.of("text", "长".repeat(2001)));
        ok(tooLongForm, 400);
        assertThat(tooLongForm.text()).contains("意见建议不能超过2000字");

        // staff see the contact details; nobody else does
        JsonNode list = await().atMost(Duration.ofSeconds(20)).until(() -> api.as("publisher").get("/api/notices/" + id + "/feedback").json(),
                l -> l.path("items").size() == 2);
        assertThat(list.toString()).contains("zhangsan-secret@example.org", "张三", "13800001111");
        assertThat(api.as("auditor").get("/api/notices/" + id + "/feedback").text()).contains("zhangsan-secret@example.org");
        ok(api.as("unit_leader").get("/api/notices/" + id + "/feedback"), 403);
        ok(api.anonymous().get("/api/notices/" + id + "/feedback"), 401);
        String scriptFeedbackId = null;
        for (JsonNode f : list.path("items")) {
            if (f.path("contact").asText().contains("zhangsan")) {
                scriptFeedbackId = f.path("feedbackId").asText();
            }
        }

        // a public reply shows the text (escaped) and the answer, never the name or contact
        ok(api.as("publisher").post("/api/notices/" + id + "/feedback/" + scriptFeedbackId + "/answer",
                Map.of("answer", "已按月公开公务用车动态排班。", "publicReply", true)), 200);
        ok(api.as("unit_leader").post("/api/notices/" + id + "/feedback/" + scriptFeedbackId + "/acknowledgement", Map.of()), 403);
        await().atMost(Duration.ofSeconds(20)).until(() -> api.anonymous().header("Accept", "text/html").get("/notices/" + id).text()
                .contains("已按月公开公务用车动态排班"));
        String page = api.anonymous().header("Accept", "text/html").get("/notices/" + id).text();
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;").doesNotContain("<script>")
                .doesNotContain("zhangsan-secret").doesNotContain("张三").doesNotContain("13800001111");
        assertThat(api.anonymous().get("/notices").text()).doesNotContain("zhangsan-secret").doesNotContain("13800001111");

        // escalation: a complete event for the rectification context, without personal data
        ok(api.as("publisher").post("/api/notices/" + id + "/feedback/" + jsonFeedbackId + "/escalation",
                Map.of("title", "整改台账未向社会公开", "categoryId", "c1", "note", "经核实属实")), 200);
        ok(api.as("publisher").post("/api/notices/" + id + "/feedback/" + jsonFeedbackId + "/escalation",
                Map.of("title", "再次转交")), 409);
        String payload = jdbc.sql("""
                        select convert_from(payload, 'UTF8') from domain_event_entry
                        where aggregate_identifier = :id and payload_type like '%FeedbackEscalatedToFindingEvent'""")
                .param("id", id).query(String.class).single();
        assertThat(payload).contains("整改台账未向社会公开", "建议公开整改台账", "\"rectificationId\":\"rect-")
                .doesNotContain("13800001111");
        ok(api.as("publisher").post("/api/notices/" + id + "/feedback/unknown/acknowledgement", Map.of()), 404);
    }

    /** A visitor at a loopback address of its own (see {@link RawHttp}), so no other test shares its bucket. */
    private static RawHttp.Response postFrom(RawHttp visitor, String path, String contentType, String body) {
        return visitor.send("POST", path, contentType, body);
    }

    @Test
    void limitsSubmissionsPerClientAddress() {
        String id = openNotice();
        RawHttp visitor = new RawHttp(port, "127.0.7.1").header("Accept", "application/json");
        for (int i = 1; i <= 5; i++) {
            assertThat(postFrom(visitor, "/notices/" + id + "/feedback", "application/json", "{\"text\":\"第" + i + "条意见\"}").status())
                    .isEqualTo(201);
        }
        RawHttp.Response limited = postFrom(visitor, "/notices/" + id + "/feedback", "application/json", "{\"text\":\"第6条意见\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After"))).isPositive();
        assertThat(limited.body()).contains("\"code\":\"TOO_MANY_REQUESTS\"");
        // another address has its own bucket
        assertThat(postFrom(new RawHttp(port, "127.0.7.2").header("Accept", "application/json"), "/notices/" + id + "/feedback",
                "application/json", "{\"text\":\"另一位访客\"}").status()).isEqualTo(201);
    }

    @Test
    void invalidSubmissionsDoNotUseUpTheLimit() {
        String id = openNotice();
        RawHttp visitor = new RawHttp(port, "127.0.7.3").header("Accept", "text/html");
        String tooLong = "text=" + URLEncoder.encode("长".repeat(2001), StandardCharsets.UTF_8);
        for (int i = 1; i <= 8; i++) {
            assertThat(postFrom(visitor, "/notices/" + id + "/feedback", "application/x-www-form-urlencoded", "text=").status())
                    .as("empty form " + i).isEqualTo(400);
            assertThat(postFrom(visitor, "/notices/" + id + "/feedback", "application/x-www-form-urlencoded", tooLong).status())
                    .as("too long form " + i).isEqualTo(400);
            assertThat(postFrom(visitor, "/notices/" + id + "/feedback", "application/json", "{\"text\":\"\"}").status())
                    .as("empty JSON " + i).isEqualTo(400);
        }
        for (int i = 1; i <= 5; i++) {
            String form = "text=" + URLEncoder.encode("第" + i + "条意见", StandardCharsets.UTF_8);
            assertThat(postFrom(visitor, "/notices/" + id + "/feedback", "application/x-www-form-urlencoded", form).status())
                    .as("valid form " + i).isEqualTo(201);
        }
        RawHttp.Response limited = postFrom(visitor, "/notices/" + id + "/feedback", "application/x-www-form-urlencoded", "text=6");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body()).contains("提交过于频繁");
    }

    @Test
    void refusesFeedbackOutsideTheWindowWithAClearMessage() throws Exception {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String closed = uniqueId("notice");
        PublicationScenario.compose(api, closed, insp);
        PublicationScenario.approveAndPublish(api, closed, "2024-03-25", "2024-04-25", true);
        await().atMost(Duration.ofSeconds(20)).until(() -> "CLOSED".equals(api.as("auditor").get("/api/notices/" + closed).json()
                .path("notice").path("status").asText()));
        Response json = api.anonymous().post("/notices/" + closed + "/feedback", Map.of("text", "迟到的意见"));
        ok(json, 409);
        assertThat(json.json().path("code").asText()).isEqualTo("FEEDBACK_WINDOW_CLOSED");
        Response form = postForm("/notices/" + closed + "/feedback", Map.of("text", "迟到的意见"));
        ok(form, 409);
        assertThat(form.text()).contains("公开期限已于2024-04-25结束");
        assertThat(api.anonymous().header("Accept", "text/html").get("/notices/" + closed + "/feedback").text()).contains("意见建议表已关闭");

        String later = uniqueId("notice");
        PublicationScenario.compose(api, later, insp);
        PublicationScenario.approveAndPublish(api, later, TODAY.plusDays(3).toString(), TODAY.plusDays(30).toString(), false);
        Response early = api.anonymous().post("/notices/" + later + "/feedback", Map.of("text", "提前的意见"));
        ok(early, 409);
        assertThat(early.json().path("code").asText()).isEqualTo("FEEDBACK_WINDOW_NOT_STARTED");
        ok(api.anonymous().post("/notices/" + uniqueId("missing") + "/feedback", Map.of("text", "意见")), 404);
    }
}
