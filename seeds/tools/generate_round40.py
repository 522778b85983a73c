#!/usr/bin/env python3
"""Writes seeds/synthetic-round40-2024.json: a SYNTHETIC round of 40 inspected units (made up for tests, no real
unit). Deterministic: running it again writes the same file. Usage: python3 seeds/tools/generate_round40.py"""
import json, os

UNITS = ["区发展和改革局", "区教育局", "区科技局", "区工业和信息化局", "区民政局", "区司法局", "区财政局",
         "区人力资源和社会保障局", "区自然资源局", "区生态环境局", "区住房和城乡建设局", "区交通运输局", "区水利局",
         "区农业农村局", "区商务局", "区文化广电旅游体育局", "区卫生健康局", "区退役军人事务局", "区应急管理局",
         "区审计局", "区市场监督管理局", "区统计局", "区医疗保障局", "区城市管理和综合执法局", "区政务服务数据管理局",
         "区信访局", "区机关事务管理局", "区供销合作联社", "区总工会", "团区委", "区妇联", "区科协", "区残联",
         "区工商联", "区红十字会", "区档案馆", "区融媒体中心", "区人民医院", "区第一中学", "区城市建设投资集团"]
ID = "syn-r40"
STATUSES = ["COMPLETED", "BASICALLY_COMPLETED", "NOT_COMPLETED"]
CATS = ["关于贯彻落实党的路线方针政策和党中央决策部署方面", "关于落实全面从严治党战略部署方面",
        "关于落实新时代党的组织路线方面"]


def status(g):
    if g % 9 == 4:
        return "BASICALLY_COMPLETED"
    if g % 17 == 8:
        return "NOT_COMPLETED"
    return "COMPLETED"


def unit(k, g0):
    uid = f"{ID}-u{k:02d}"
    n = 5 + (k % 4)  # 5..8 findings
    g = g0
    cats = []
    per_cat = [n - n // 2, n // 2]
    fi = 0
    for c, count in enumerate(per_cat, start=1):
        findings, items = [], []
        for _ in range(count):
            fi += 1
            st = status(g)
            g += 1
            findings.append({"findingId": f"{uid}-f{fi}", "title": f"问题{fi}"})
            item = {"itemId": f"{uid}-i{fi}", "title": f"整改事项{fi}", "findingIds": [f"{uid}-f{fi}"],
                    "kind": "TIME_BOUND", "dueDate": "2024-12-31", "responsibleDepartment": "办公室",
                    "status": st, "statusDate": "2024-11-20", "closedOff": False,
                    "measures": [{"ordinal": 1, "text": f"针对问题{fi}制定并落实整改措施。"}]}
            items.append(item)
        cats.append({"categoryId": f"{uid}-c{c}", "ordinal": c, "title": CATS[(k + c) % 3],
                     "findings": findings, "items": items})
    group = 1 + (k - 1) % 8
    u = {
        "inspection": {
            "inspectionId": uid, "roundId": f"{ID}-round", "kind": "XUNCHA", "form": "ROUTINE", "level": "COUNTY",
            "inspectingBody": f"区委第{'一二三四五六七八'[group - 1]}巡察组", "inspectedUnit": UNITS[k - 1],
            "mandate": "区委统一部署", "legalBasis": ["《中国共产党巡视工作条例》"],
            "plannedFieldworkStart": "2024-03-11", "plannedFieldworkEnd": "2024-04-30",
            "fieldworkStart": "2024-03-11", "fieldworkEnd": "2024-04-30", "feedbackDate": "2024-06-20"},
        "categories": cats,
        "leadershipGroup": {"office": "办公室", "appointedOn": "2024-06-25", "members": [
            {"memberId": f"{uid}-lg1", "name": f"组长{k}", "role": "LEADER", "position": "主要负责人"}]},
        "plan": {"title": f"《{UNITS[k - 1]}关于落实区委巡察反馈意见的整改方案》", "documentNumber": f"合成〔2024〕{k}号",
                 "adoptedOn": "2024-07-10"},
        "meetings": [{"meetingId": f"{uid}-m1", "kind": "DEMOCRATIC_LIFE_MEETING", "title": "巡察整改专题民主生活会",
                      "date": "2024-07-05"}],
        "processMetrics": [{"metricId": f"{uid}-pm1", "kind": "WORK_REMINDERS_SENT", "count": 2 + k % 3,
                            "date": "2024-11-01"}],
        "regulations": [],
    }
    if k % 2 == 0:
        u["meetings"].append({"meetingId": f"{uid}-m2", "kind": "PARTY_COMMITTEE_MEETING", "title": "研究部署巡察整改",
                              "date": "2024-06-28"})
    if k % 4 == 0:
        u["processMetrics"].append({"metricId": f"{uid}-pm2", "kind": "MEETINGS_HELD",
                                    "meetingKind": "ORGANISATIONAL_LIFE_MEETING", "count": 1, "date": "2024-11-01"})
    if k % 10 == 1:
        u["processMetrics"].append({"metricId": f"{uid}-pm3", "kind": "ON_SITE_SUPERVISION_VISITS", "count": 3,
                                    "date": "2024-11-01"})
    for r in range(1, 2 + k % 3):  # 1..3 regulations
        reg = {"regulationId": f"{uid}-reg{r}", "title": f"《{UNITS[k - 1]}管理制度{r}》", "area": "FINANCE",
               "effectiveFrom": "2024-10-01", "answersItems": [f"{uid}-i{r}"]}
        if (k + r) % 5 == 0:
            reg.update({"action": "REVISE", "previousVersion": {"effectiveFrom": "2020-01-01"},
                        "changeSummary": "按巡察反馈意见修订"})
        else:
            reg.update({"action": "ENACT", "summary": "按巡察反馈意见制定"})
        u["regulations"].append(reg)
    money = []
    if k % 3 == 0:
        money.append({"outcomeId": f"{uid}-money1", "kind": "FUNDS_RECOVERED", "amount": f"{1000 + 137 * k}.{k:02d}",
                      "date": "2024-10-15"})
    if k % 5 == 0:
        money.append({"outcomeId": f"{uid}-money2", "kind": "IRREGULAR_FUNDS_REFUNDED", "amount": f"{2350 + 11 * k}.5",
                      "date": "2024-10-16"})
    if k % 8 == 0:
        money.append({"outcomeId": f"{uid}-money3", "kind": "PERSONAL_COSTS_RECOVERED", "amount": f"{480 + k}.25",
                      "date": "2024-10-17"})
    if money:
        u["money"] = money
    acc = []
    if k % 6 == 0:
        acc.append({"outcomeId": f"{uid}-a1", "kind": "ADMONITION", "date": "2024-09-30", "count": 1 + k % 2})
    if k % 7 == 0:
        acc.append({"outcomeId": f"{uid}-a2", "kind": "CRITICISM_EDUCATION", "date": "2024-09-30", "count": 2})
    if k == 40:
        acc.append({"outcomeId": f"{uid}-a3", "kind": "ORGANISATIONAL_HANDLING", "date": "2024-09-30", "count": 1})
    if acc:
        u["accountability"] = acc
    return u, g


def main():
    inspections, g = [], 0
    for k in range(1, 41):
        u, g = unit(k, g)
        inspections.append(u)
    case = {
        "caseId": ID,
        "synthetic": True,
        "description": "合成案例（SYNTHETIC，测试用，非真实单位）：区委2024年第一轮巡察，40个被巡察单位，"
                       "已完成、基本完成、未完成三种整改结果，三类资金（万元带小数），制度制定与修订，会议按类别",
        "assumptions": [{"id": "S1", "about": "all", "text": "全部内容为合成数据，由 seeds/tools/generate_round40.py 生成，用于轮次通报的集成测试（RoundNoticeIT）"}],
        "round": {"roundId": f"{ID}-round", "name": "区委2024年第一轮巡察", "organizer": "中共某某区委",
                  "periodStart": "2024-03-01", "periodEnd": "2024-06-30"},
        "inspections": inspections,
    }
    out = os.path.join(os.path.dirname(__file__), "..", "synthetic-round40-2024.json")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False, indent=1)
        f.write("\n")
    print("findings", g)


main()
