package io.zhenggai.finance.command;

import io.zhenggai.api.finance.FinanceValues.AnswerLink;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import static io.zhenggai.platform.domain.RuleViolationException.require;

/** The findings or rectification items a regulation answers: each names one of them, none twice. */
final class AnswerLinks {

    private AnswerLinks() {
    }

    static List<AnswerLink> valid(List<AnswerLink> answers) {
        if (answers == null) {
            return List.of();
        }
        List<AnswerLink> result = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            AnswerLink a = answers.get(i);
            require(a != null && (RuleText.notBlank(a.findingId()) || RuleText.notBlank(a.rectificationItemId())),
                    "LINK_TARGET_REQUIRED", "answers[" + i + "] 必须指明所对应的问题（findingId）或整改事项（rectificationItemId）");
            result.add(new AnswerLink(RuleText.trimOrNull(a.inspectionId()), RuleText.trimOrNull(a.findingId()),
                    RuleText.trimOrNull(a.rectificationItemId())));
        }
        require(result.size() == new HashSet<>(result).size(), "LINK_DUPLICATE", "关联重复");
        return List.copyOf(result);
    }
}
