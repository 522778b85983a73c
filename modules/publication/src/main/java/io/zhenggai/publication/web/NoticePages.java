package io.zhenggai.publication.web;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.NoticeSummary;
import io.zhenggai.api.publication.PublicationQueries.NoticeView;
import io.zhenggai.api.publication.PublicationQueries.PublicReply;
import io.zhenggai.publication.notice.ChineseText;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.RenderedNotice;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The public pages, rendered from Thymeleaf templates ({@code templates/notices/…}, on the public variant of the one
 * layout, {@code templates/layout/public.html}; ADR 0039), so every outside text is escaped by default: zh-CN,
 * landmarks (banner, navigation, main, complementary, contentinfo), headings in order (h1 title, h2 一、, h3 （一）,
 * h4 1.), contrast above 4.5:1, and a print style in which the QR code of the feedback form stays (people scan
 * notices posted on paper). The QR code is our own SVG (ZXing), the one markup inserted unescaped.
 */
@Component
class NoticePages {

    /** The site lists notices of both kinds: 巡视巡察整改情况公开. */
    static final String SITE = InspectionKind.EITHER + "整改情况公开";
    static final String LIST_TITLE = InspectionKind.EITHER + "整改进展情况通报";

    private final ITemplateEngine templates;

    NoticePages(ITemplateEngine templates) {
        this.templates = templates;
    }

    private String render(String template, String pageTitle, Map<String, Object> variables) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE);
        context.setVariables(variables);
        context.setVariable("pageTitle", pageTitle);
        context.setVariable("site", SITE);
        return templates.process("notices/" + template, context);
    }

    String list(List<NoticeSummary> notices) {
        Map<String, String> windows = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (NoticeSummary n : notices) {
            windows.put(n.noticeId(), window(n.windowStart(), n.windowEnd()));
            labels.put(n.noticeId(), statusLabel(n.status(), n.historical()));
        }
        return render("list", LIST_TITLE + " - " + SITE, Map.of("listTitle", LIST_TITLE, "notices", notices,
                "windows", windows, "labels", labels));
    }

    String notice(NoticeView v, RenderedNotice rendered, List<PublicReply> replies, String feedbackUrl, String qrSvg,
                  boolean feedbackOpen) {
        var settings = v.settings();
        var p = v.publication();
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("信息索引号", settings.indexNumber() == null ? "—" : settings.indexNumber());
        meta.put("发布机构", settings.publishingUnit());
        meta.put("成文日期", settings.dateWritten() == null ? "—" : ChineseText.date(settings.dateWritten()));
        meta.put("公开方式", settings.disclosure() == null ? "主动公开" : settings.disclosure());
        if (p != null) {
            meta.put("公开期限", window(p.windowStart(), p.windowEnd()));
        }
        Map<PublicReply, String> dates = new HashMap<>();
        replies.forEach(r -> dates.put(r, ChineseText.date(r.submittedOn())));
        Map<String, Object> variables = new HashMap<>();
        variables.put("notice", v);
        variables.put("rendered", rendered);
        variables.put("sections", rendered.sections().stream().filter(s -> !s.key().equals("title")).toList());
        variables.put("meta", meta);
        variables.put("statusLabel", statusLabel(v.status(), p != null && p.historical()));
        variables.put("replies", replies);
        variables.put("dates", dates);
        variables.put("feedbackUrl", feedbackUrl);
        variables.put("qrSvg", qrSvg);
        variables.put("feedbackOpen", feedbackOpen);
        variables.put("contacts", settings == null ? null : NoticeRenderer.contacts(settings.contacts()));
        return render("notice", rendered.title(), variables);
    }

    static String statusLabel(NoticeStatus status, boolean historical) {
        String label = status == NoticeStatus.PUBLISHED ? "公开中，接受意见建议" : status == NoticeStatus.CLOSED ? "公开期满（已关闭意见建议）" : status.label();
        return historical ? label + "（历史通报补录）" : label;
    }

    static String window(LocalDate start, LocalDate end) {
        return start == null || end == null ? "—" : ChineseText.date(start) + "至" + ChineseText.date(end);
    }

    String feedbackForm(NoticeView v, String title, List<String> errors, Map<String, String> values) {
        return render("feedback-form", "意见建议 - " + title, Map.of("notice", v, "title", title, "errors", errors,
                "values", values, "window", window(v.publication().windowStart(), v.publication().windowEnd()),
                "maxText", NoticeRequests.MAX_FEEDBACK, "maxName", NoticeRequests.MAX_NAME,
                "maxContact", NoticeRequests.MAX_CONTACT));
    }

    String thanks(NoticeView v, String title, String feedbackId, String text) {
        return render("thanks", "意见建议已收到 - " + title, Map.of("notice", v, "rectificationWord", kind(v).rectification(),
                "feedbackId", feedbackId, "text", text));
    }

    private static InspectionKind kind(NoticeView v) {
        return v.facts() == null ? InspectionKind.DEFAULT : v.facts().kind();
    }

    String message(String title, String message) {
        return render("message", title + " - " + SITE, Map.of("title", title, "message", message));
    }
}
