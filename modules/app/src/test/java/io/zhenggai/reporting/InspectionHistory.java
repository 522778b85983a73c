package io.zhenggai.reporting;

import io.zhenggai.app.support.ApiClient;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Writes a whole inspection history through the HTTP API, as an inspector would: the data the audit reads. */
final class InspectionHistory {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    final String inspectionId = "audit-" + UUID.randomUUID().toString().substring(0, 8);
    final LocalDate fieldworkStart = io.zhenggai.app.support.ItClock.today().minusDays(40);
    final LocalDate fieldworkEnd = io.zhenggai.app.support.ItClock.today().minusDays(30);
    final LocalDate feedbackDate = io.zhenggai.app.support.ItClock.today().minusDays(20);

    /** 7 events: scheduled, fieldwork started, category, finding, fieldwork concluded, feedback, correction. */
    static final int EVENTS = 7;

    static InspectionHistory write(ApiClient api, String user) {
        InspectionHistory h = new InspectionHistory();
        ApiClient as = api.as(user);
        String base = "/api/inspections/" + h.inspectionId;
        ok(as.post("/api/inspections", Map.of("inspectionId", h.inspectionId, "inspectingBody", "市委第一巡察组",
                "inspectedUnit", "市审计局", "legalBasis", List.of("《中国共产党巡视工作条例》"),
                "plannedFieldworkStart", h.fieldworkStart.toString(), "plannedFieldworkEnd", h.fieldworkEnd.toString())));
        ok(as.post(base + "/fieldwork/start", Map.of("date", h.fieldworkStart.toString())));
        ok(as.post(base + "/categories", Map.of("categoryId", "c1", "title", "贯彻落实党的路线方针政策方面")));
        ok(as.post(base + "/findings", Map.of("findingId", "f1", "categoryId", "c1", "title", "审计整改跟踪不到位",
                "description", "部分审计发现问题未建立整改台账", "manifestations", List.of("整改台账缺失"))));
        ok(as.post(base + "/fieldwork/conclude", Map.of("date", h.fieldworkEnd.toString())));
        ok(as.post(base + "/feedback", Map.of("date", h.feedbackDate.toString())));
        ok(as.post(base + "/findings/f1/corrections", Map.of("title", "审计整改跟踪不到位",
                "description", "部分审计发现问题未建立整改台账，跟踪督办缺位", "manifestations", List.of("整改台账缺失"),
                "reason", "补充问题表现")));
        return h;
    }

    private static void ok(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 299);
    }
}
