package io.zhenggai.benchmark.workload;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Wording for synthetic findings, taken from a real published rectification notice (the Nanhai 2023 case), so that
 * payloads have the length and the UTF-8 width (3 bytes per Chinese character) of real ones.
 */
public final class TextCorpus {
    private TextCorpus() {
    }

    static final List<String> CATEGORIES = List.of(
            "关于贯彻新时代统一战线工作部署还有差距，大统战工作格局不够有力方面",
            "关于落实管党治党战略部署有差距，廉政风险防控不够严实，作风建设还需要进一步夯实方面",
            "关于贯彻新时代党的组织路线不够深入，干部队伍选人用人和基层党建工作不够规范方面",
            "关于落实巡察、审计等监督发现问题整改和成果运用情况方面",
            "关于贯彻落实党中央决策部署和上级工作要求不够到位方面",
            "关于意识形态工作责任制落实不够有力方面",
            "关于财务管理和资产管理制度执行不够严格方面",
            "关于落实中央八项规定及其实施细则精神不够严格方面");

    static final List<String> FINDINGS = List.of(
            "“第一议题”制度落实不够到位",
            "大统战工作格局构建不够扎实",
            "民族宗教治理体系规范化建设不足",
            "重大安全隐患防范机制不够健全",
            "履行全面从严治党主体责任不够到位",
            "纪检监督工作提质提效不明显",
            "财务管理制度不够健全",
            "公务接待管理不够规范",
            "公务用车管理不够规范",
            "选人用人工作不够规范",
            "干部档案审核不够严格",
            "基层党组织建设不够扎实",
            "网络信息安全管理存在薄弱环节",
            "党外干部培养使用不够有力",
            "巡察审计发现问题整改不够彻底");

    static final List<String> SENTENCES = List.of(
            "在部务会议、机关党委会议、支委会“第一议题”学习中，与会人员结合实际工作发言不够充分，学深悟透、用思想指导工作的效果不明显。",
            "未能每月召开集中学习研讨会，在职党员及青年干部结合本职工作开展学习研讨的频次不足。",
            "党外干部“两个名单”未及时建立，增补考察工作推进缓慢，相关章程草案长期未修订。",
            "宗教团体和宗教活动场所未按照备案事项实施办法落实好各项事务的备案工作。",
            "日常安全检查流于形式，“四进”活动中存在的问题未及时改正，管理制度和办事指南未汇编下发。",
            "信访工作缺乏指引，化解信访矛盾的手段单一，宣传单张等政策法规宣传材料不足。",
            "岗位廉政风险梳理排查不够全面，重点领域风险隐患底数不清。",
            "机关纪委和委员的各项职能不够明确，工作清单未及时制定。",
            "未根据本部门实际修订财务管理制度，党外人士工作经费的列支科目和标准要求不够规范。",
            "公务接待标准执行不严格，外宾接待经费管理办法学习不到位。",
            "公务车辆动态排班和公开不及时，公务用车管理办法未及时修订完善。",
            "近三年职级晋升的干部档案未进行专项审核，干部选拔晋升纪实材料存在漏项。",
            "网络信息安全未纳入日常管理，网络安全宣传教育活动开展不足。",
            "对上轮巡察、审计发现问题的整改成果运用不够，长效机制建设滞后。");

    static String category(int index) {
        return CATEGORIES.get(Math.floorMod(index, CATEGORIES.size()));
    }

    static String findingTitle(RandomGenerator r) {
        return FINDINGS.get(r.nextInt(FINDINGS.size()));
    }

    /** Between {@code min} and {@code max} sentences. */
    static String paragraph(RandomGenerator r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(SENTENCES.get(r.nextInt(SENTENCES.size())));
        }
        return sb.toString();
    }
}
