package io.zhenggai.publication;

import io.zhenggai.app.support.IntegrationTest;
import io.zhenggai.app.support.RawHttp;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Public pages and the headers that protect them: a Content-Security-Policy on every page, and links to the feedback
 * form (text and QR code) that never take their host from the request's Host or forwarding headers.
 */
class PublicPageHeadersIT extends IntegrationTest {

    private static final String SCRIPT_SELF = "script-src 'self'";

    @Test
    void aForgedHostHeaderNeverReachesTheFeedbackLinkOrItsQrCode() {
        String insp = uniqueId("insp");
        PublicationScenario.ledger(api, insp);
        String id = uniqueId("notice");
        PublicationScenario.compose(api, id, insp);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        PublicationScenario.approveAndPublish(api, id, today.toString(), today.plusDays(30).toString(), false);

        RawHttp forged = new RawHttp(port, "127.0.8.1").header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Proto", "https").header("Forwarded", "host=evil.example;proto=https").header("Accept", "text/html");
        RawHttp.Response page = forged.get("/notices/" + id);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("http://localhost:" + port + "/notices/" + id + "/feedback", "<svg")
                .doesNotContain("evil.example");
        assertThat(page.header("Content-Security-Policy")).contains(SCRIPT_SELF, "object-src 'none'", "frame-ancestors 'none'");

        RawHttp.Response qr = forged.get("/notices/" + id + "/feedback-qr.svg");
        assertThat(qr.status()).isEqualTo(200);
        assertThat(qr.body()).contains("http://localhost:" + port + "/notices/" + id + "/feedback").doesNotContain("evil.example");

        for (String path : new String[]{"/notices", "/notices/" + id + "/feedback", "/notices/" + id + ".txt"}) {
            assertThat(forged.get(path).header("Content-Security-Policy")).as(path).contains(SCRIPT_SELF);
        }
    }

    @Test
    void everyPageAndAnswerCarriesTheContentSecurityPolicy() {
        RawHttp leader = new RawHttp(port, "127.0.8.2").basic("unit_leader", "demo").header("Accept", "text/html");
        RawHttp.Response dashboard = leader.get("/dashboard");
        assertThat(dashboard.status()).isEqualTo(200);
        assertThat(dashboard.header("Content-Security-Policy")).contains(SCRIPT_SELF);
        assertThat(new RawHttp(port, "127.0.8.2").get("/api/inspections").header("Content-Security-Policy")).contains(SCRIPT_SELF);
        assertThat(new RawHttp(port, "127.0.8.2").get("/swagger-ui/index.html").header("Content-Security-Policy")).contains(SCRIPT_SELF);
    }
}
