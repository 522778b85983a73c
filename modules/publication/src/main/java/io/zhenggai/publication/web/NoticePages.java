package io.zhenggai.publication.web;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeStatus;
import io.zhenggai.api.publication.PublicationQueries.NoticeSummary;
import io.zhenggai.api.publication.PublicationQueries.NoticeView;
import io.zhenggai.api.publication.PublicationQueries.PublicReply;
import io.zhenggai.publication.notice.ChineseText;
import io.zhenggai.publication.notice.NoticeRenderer;
import io.zhenggai.publication.notice.RenderedNotice;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.zhenggai.publication.web.Html.escape;

/**
 * The public pages, written by hand with every outside text escaped: zh-CN, landmarks (banner, navigation, main,
 * complementary, contentinfo), headings in order (h1 title, h2 一、, h3 （一）, h4 1.), contrast above 4.5:1, and a
 * print style in which the QR code of the feedback form stays (people scan notices posted on paper).
 */
final class NoticePages {
    private NoticePages() {
    }

    /** The site lists notices of both kinds: 巡视巡察整改情况公开. */
    static final String SITE = InspectionKind.EITHER + "整改情况公开";
    static final String LIST_TITLE = InspectionKind.EITHER + "整改进展情况通报";

    private static final String CSS = """
            :root{color-scheme:light}
            *{box-sizing:border-box}
            body{margin:0;font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC","SimSun",serif;color:#1a1a1a;background:#fff;line-height:1.9;font-size:18px}
            .skip{position:absolute;left:-9999px;top:0}
            .skip:focus{left:1em;top:1em;background:#fff;color:#0b57d0;padding:.4em .8em;outline:3px solid #0b57d0;z-index:9}
            header.site{background:#8b0000;color:#fff;padding:.5em 1.2em;display:flex;justify-content:space-between;align-items:center;flex-wrap:wrap;gap:.5em}
            header.site a{color:#fff}
            header.site .name{font-weight:bold;font-size:1.05em;text-decoration:none}
            main{max-width:46em;margin:0 auto;padding:1.2em}
            h1{font-size:1.55em;text-align:center;line-height:1.5;margin:.8em 0}
            h2{font-size:1.2em;margin:1.4em 0 .4em}
            h3{font-size:1.05em;margin:1em 0 .3em}
            h4{font-size:1em;margin:.8em 0 .2em}
            article p{text-indent:2em;margin:.4em 0;text-align:justify}
            article .signature p{text-align:right;text-indent:0;margin:.1em 0}
            dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1em 1em;font-size:.9em;border:1px solid #767676;padding:.6em .9em;background:#f7f7f7;margin:0 0 1em}
            dl.meta dt{font-weight:bold}
            dl.meta dd{margin:0}
            .status{display:inline-block;padding:0 .5em;border-radius:.3em;font-size:.9em;border:1px solid currentColor}
            .status.PUBLISHED{background:#e6f4ea;color:#0d652d}
            .status.CLOSED{background:#f1f3f4;color:#3c4043}
            a{color:#0b57d0}
            a:focus,button:focus,textarea:focus,input:focus{outline:3px solid #0b57d0;outline-offset:2px}
            .banner{border-left:4px solid #b06000;background:#fef7e0;color:#3c2a00;padding:.5em 1em;margin:1em 0}
            aside.feedback{border-top:2px solid #8b0000;margin-top:2em;padding-top:.5em}
            aside.feedback .qr{float:right;margin:0 0 1em 1em;text-align:center;font-size:.85em}
            aside.feedback::after{content:"";display:block;clear:both}
            ul.notices{list-style:none;padding:0}
            ul.notices li{border-bottom:1px solid #ccc;padding:.6em 0}
            form label{display:block;font-weight:bold;margin-top:1em}
            form textarea,form input{width:100%;font:inherit;padding:.4em;border:1px solid #5f6368;border-radius:.2em;color:#1a1a1a;background:#fff}
            form button{margin-top:1em;font:inherit;padding:.4em 1.4em;background:#8b0000;color:#fff;border:0;border-radius:.2em;cursor:pointer}
            .errors{border:2px solid #b3261e;color:#8c1d18;padding:.5em 1em}
            .hint{font-size:.9em;color:#444}
            blockquote{margin:.5em 0;padding:.3em 1em;border-left:4px solid #767676;background:#f7f7f7;white-space:pre-wrap}
            footer.site{border-top:1px solid #ccc;margin-top:2em;padding:1em 1.2em;font-size:.85em;color:#444;text-align:center}
            @media print{
              header.site,nav,.skip,.no-print,footer.site{display:none}
              body{font-size:12pt;color:#000;line-height:1.7}
              main{max-width:none;padding:0}
              a{color:#000;text-decoration:none}
              dl.meta{background:none;border:1px solid #000}
              h1,h2,h3,h4{break-after:avoid}
              aside.feedback{break-inside:avoid;border-top:1px solid #000}
              aside.feedback .qr svg{width:3.2cm;height:3.2cm}
              .print-url{display:block}
            }
            .print-url{display:none;font-size:.85em;word-break:break-all}
            """;

    static String page(String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n"
                + "<a class=\"skip\" href=\"#main\">跳到正文</a>\n"
                + "<header class=\"site\" role=\"banner\"><a class=\"name\" href=\"/notices\">" + SITE + "</a>"
                + "<nav aria-label=\"站点导航\"><a href=\"/notices\">通报列表</a></nav></header>\n"
                + "<main id=\"main\" tabindex=\"-1\">\n" + body + "\n</main>\n"
                + "<footer class=\"site\" role=\"contentinfo\">本页内容由发布机构依法主动公开。</footer>\n</body>\n</html>\n";
    }

    static String list(List<NoticeSummary> notices) {
        StringBuilder b = new StringBuilder("<h1>" + LIST_TITLE + "</h1>\n");
        if (notices.isEmpty()) {
            b.append("<p>目前没有公开的通报。</p>");
        } else {
            b.append("<ul class=\"notices\">\n");
            for (NoticeSummary n : notices) {
                b.append("<li><a href=\"/notices/").append(escape(n.noticeId())).append("\">").append(escape(n.title())).append("</a>");
                if (n.versionNumber() > 1) {
                    b.append("（第").append(n.versionNumber()).append("版，更正版）");
                }
                b.append("<br><span class=\"hint\">").append(escape(n.publishingUnit())).append(" · 公开期限：")
                        .append(window(n.windowStart(), n.windowEnd())).append("</span> <span class=\"status ")
                        .append(n.status().name()).append("\">").append(escape(statusLabel(n.status(), n.historical()))).append("</span>");
                if (n.correctedByNoticeId() != null) {
                    b.append(" <span class=\"hint\">（已被<a href=\"/notices/").append(escape(n.correctedByNoticeId()))
                            .append("\">更正版本</a>更正）</span>");
                }
                b.append("</li>\n");
            }
            b.append("</ul>");
        }
        return page(LIST_TITLE + " - " + SITE, b.toString());
    }

    static String notice(NoticeView v, RenderedNotice rendered, List<PublicReply> replies, String feedbackUrl, String qrSvg,
                         boolean feedbackOpen) {
        StringBuilder b = new StringBuilder("<article aria-labelledby=\"notice-title\">\n");
        b.append("<h1 id=\"notice-title\">").append(escape(rendered.title())).append("</h1>\n");
        b.append(meta(v));
        if (v.correctsNoticeId() != null) {
            b.append("<p class=\"banner\" role=\"note\">本通报为第").append(v.versionNumber()).append("版，更正<a href=\"/notices/")
                    .append(escape(v.correctsNoticeId())).append("\">此前公布的版本</a>。</p>\n");
        }
        if (v.correctedByNoticeId() != null) {
            b.append("<p class=\"banner\" role=\"note\">本通报已被<a href=\"/notices/").append(escape(v.correctedByNoticeId()))
                    .append("\">更正版本</a>更正，原文保留如下。</p>\n");
        }
        for (RenderedNotice.Section s : rendered.sections()) {
            if (s.key().equals("title")) {
                continue;
            }
            if (s.key().equals("signature")) {
                b.append("<div class=\"signature\">");
                s.paragraphs().forEach(p -> b.append("<p>").append(escape(p)).append("</p>"));
                b.append("</div>\n");
                continue;
            }
            if (s.heading() != null) {
                int level = Math.min(Math.max(s.level(), 2), 4);
                b.append("<h").append(level).append(">").append(escape(s.heading())).append("</h").append(level).append(">\n");
            }
            s.paragraphs().forEach(p -> b.append("<p>").append(escape(p)).append("</p>\n"));
        }
        b.append("</article>\n");

        b.append("<aside class=\"feedback\" aria-labelledby=\"feedback-title\">\n<h2 id=\"feedback-title\">意见建议</h2>\n");
        b.append("<div class=\"qr\">").append(qrSvg).append("<br>扫码提出意见建议</div>\n");
        if (feedbackOpen) {
            b.append("<p>公开期限内，欢迎通过<a href=\"").append(escape(feedbackUrl)).append("\">网上意见建议表</a>")
                    .append("或扫描二维码提出意见建议。</p>\n");
        } else {
            b.append("<p>").append(v.status() == NoticeStatus.CLOSED ? "公开期限已结束，网上意见建议表已关闭。"
                    : "公开期限尚未开始，届时可通过网上意见建议表提出意见建议。").append("</p>\n");
        }
        b.append("<p class=\"print-url\">").append(escape(feedbackUrl)).append("</p>\n");
        String contacts = v.settings() == null ? null : NoticeRenderer.contacts(v.settings().contacts());
        if (contacts != null) {
            b.append("<p>").append(escape(contacts)).append("</p>\n");
        }
        if (!replies.isEmpty()) {
            b.append("<h3>意见建议答复</h3>\n");
            for (PublicReply r : replies) {
                b.append("<section aria-label=\"意见建议 ").append(escape(ChineseText.date(r.submittedOn()))).append("\">")
                        .append("<p class=\"hint\">").append(escape(ChineseText.date(r.submittedOn()))).append("收到的意见建议：</p>")
                        .append("<blockquote>").append(escape(r.text())).append("</blockquote>")
                        .append("<p class=\"hint\">答复：</p><blockquote>").append(escape(r.answer())).append("</blockquote></section>\n");
            }
        }
        b.append("<p class=\"no-print\"><a href=\"/notices/").append(escape(v.noticeId())).append(".txt\">纯文本版本</a></p>\n");
        b.append("</aside>");
        return page(rendered.title(), b.toString());
    }

    private static String meta(NoticeView v) {
        var s = v.settings();
        var p = v.publication();
        StringBuilder b = new StringBuilder("<dl class=\"meta\" aria-label=\"公开信息\">");
        row(b, "信息索引号", s.indexNumber() == null ? "—" : s.indexNumber());
        row(b, "发布机构", s.publishingUnit());
        row(b, "成文日期", s.dateWritten() == null ? "—" : ChineseText.date(s.dateWritten()));
        row(b, "公开方式", s.disclosure() == null ? "主动公开" : s.disclosure());
        if (p != null) {
            row(b, "公开期限", window(p.windowStart(), p.windowEnd()));
        }
        b.append("<dt>状态</dt><dd><span class=\"status ").append(v.status().name()).append("\">")
                .append(escape(statusLabel(v.status(), p != null && p.historical()))).append("</span></dd>");
        b.append("</dl>\n");
        return b.toString();
    }

    private static void row(StringBuilder b, String term, String value) {
        b.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(value)).append("</dd>");
    }

    static String statusLabel(NoticeStatus status, boolean historical) {
        String label = status == NoticeStatus.PUBLISHED ? "公开中，接受意见建议" : status == NoticeStatus.CLOSED ? "公开期满（已关闭意见建议）" : status.label();
        return historical ? label + "（历史通报补录）" : label;
    }

    static String window(LocalDate start, LocalDate end) {
        return start == null || end == null ? "—" : ChineseText.date(start) + "至" + ChineseText.date(end);
    }

    static String feedbackForm(NoticeView v, String title, List<String> errors, Map<String, String> values) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>意见建议</h1>\n<p>关于：<a href=\"/notices/").append(escape(v.noticeId())).append("\">").append(escape(title))
                .append("</a></p>\n<p class=\"hint\">公开期限：").append(escape(window(v.publication().windowStart(), v.publication().windowEnd())))
                .append("。姓名和联系方式可不填；如填写，仅用于答复您，不会公开。</p>\n");
        if (!errors.isEmpty()) {
            b.append("<div class=\"errors\" role=\"alert\"><p>请修改以下内容：</p><ul>");
            errors.forEach(e -> b.append("<li>").append(escape(e)).append("</li>"));
            b.append("</ul></div>\n");
        }
        b.append("<form method=\"post\" action=\"/notices/").append(escape(v.noticeId())).append("/feedback\" accept-charset=\"UTF-8\">\n")
                .append("<label for=\"text\">意见建议（必填，不超过").append(NoticeRequests.MAX_FEEDBACK).append("字）</label>\n")
                .append("<textarea id=\"text\" name=\"text\" rows=\"8\" maxlength=\"").append(NoticeRequests.MAX_FEEDBACK)
                .append("\" required>").append(escape(values.getOrDefault("text", ""))).append("</textarea>\n")
                .append("<label for=\"name\">姓名（选填）</label>\n<input id=\"name\" name=\"name\" maxlength=\"")
                .append(NoticeRequests.MAX_NAME).append("\" autocomplete=\"name\" value=\"").append(escape(values.getOrDefault("name", "")))
                .append("\">\n<label for=\"contact\">联系方式（选填，电话或电子邮箱）</label>\n<input id=\"contact\" name=\"contact\" maxlength=\"")
                .append(NoticeRequests.MAX_CONTACT).append("\" value=\"").append(escape(values.getOrDefault("contact", "")))
                .append("\">\n<button type=\"submit\">提交</button>\n</form>");
        return page("意见建议 - " + title, b.toString());
    }

    static String thanks(NoticeView v, String title, String feedbackId, String text) {
        return page("意见建议已收到 - " + title, "<h1>意见建议已收到</h1>\n<p role=\"status\">感谢您对" + kind(v).rectification()
                + "工作的监督。您的意见建议已收到，编号：" + escape(feedbackId) + "。</p>\n<p>您提交的内容：</p>\n<blockquote>" + escape(text) + "</blockquote>\n"
                + "<p><a href=\"/notices/" + escape(v.noticeId()) + "\">返回通报</a></p>");
    }

    private static InspectionKind kind(NoticeView v) {
        return v.facts() == null ? InspectionKind.DEFAULT : v.facts().kind();
    }

    static String message(String title, String message) {
        return page(title + " - " + SITE, "<h1>" + escape(title) + "</h1>\n<p role=\"alert\">" + escape(message)
                + "</p>\n<p><a href=\"/notices\">返回通报列表</a></p>");
    }
}
