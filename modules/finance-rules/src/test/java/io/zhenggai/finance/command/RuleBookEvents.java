package io.zhenggai.finance.command;

import io.zhenggai.api.finance.FinanceEvents.*;
import io.zhenggai.api.finance.FinanceValues.AnswerLink;
import io.zhenggai.api.finance.RegulationArea;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static io.zhenggai.finance.command.RuleBookTest.*;

/**
 * The events of the reception regulation of {@link RuleBookTest}, as the rule book records them: a fixture is given
 * these, so that each rule's test depends on no other command handler.
 */
final class RuleBookEvents {
    private RuleBookEvents() {
    }

    static final String TITLE = "《公务接待管理办法》";

    /** The rule book opened by enacting the reception regulation (version 1, in force since 2019-01-01). */
    static List<Object> receptionEnacted() {
        return List.of(new RuleBookOpenedEvent(BOOK, UNIT),
                new RegulationEnactedEvent(BOOK, UNIT, REG, TITLE, RegulationArea.RECEPTION, REG + "-v1", 1, null,
                        LocalDate.of(2019, 1, 1), null, "补录巡察前已施行的制度", receptionRulesV1(), List.of()));
    }

    /** Version 2 of the reception regulation, from {@code from}. */
    static RegulationRevisedEvent receptionRevised(LocalDate from, String reason) {
        return new RegulationRevisedEvent(BOOK, UNIT, REG, TITLE, RegulationArea.RECEPTION, REG + "-v2", 2, REG + "-v1",
                "统战发〔2023〕5号", from, "工作餐标准由150元降为120元，增加陪餐人数限制", reason, receptionRulesV2(),
                List.of(new AnswerLink("insp-4", "finding-8", null)));
    }

    /** The reception regulation (still at version 1) repealed from {@code from}. */
    static RegulationRepealedEvent receptionRepealed(LocalDate from, String reason) {
        return new RegulationRepealedEvent(BOOK, UNIT, REG, TITLE, REG + "-v1", from, reason);
    }

    /** Version 1 of the reception regulation linked to {@code link}. */
    static RegulationLinkedEvent receptionLinked(AnswerLink link) {
        return new RegulationLinkedEvent(BOOK, UNIT, REG, REG + "-v1", 1, link);
    }

    /** The events in order; a list among them stands for its events. */
    static List<Object> events(Object... parts) {
        List<Object> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(part);
            }
        }
        return all;
    }
}
