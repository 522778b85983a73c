package io.zhenggai.publication.compose;

import io.zhenggai.api.inspection.InspectionKind;
import io.zhenggai.api.publication.NoticeFacts;
import io.zhenggai.api.publication.NoticeNarrative;
import io.zhenggai.api.publication.NoticeSettings;
import io.zhenggai.api.publication.RateStyle;

import java.util.List;

/**
 * What a new draft says before anyone edits it: the title and invitation in the words of the inspection's kind,
 * signed by the inspected unit (or the round's organizer). The one place for it: the API's compose and the
 * workbench's proposal ({@code ProposeNoticeDraftQuery}) both start from here.
 */
public final class NoticeDefaults {
    private NoticeDefaults() {
    }

    /** The invitation of a new draft: 欢迎广大干部群众对巡视/巡察整改落实情况进行监督…, in the words of the inspection's kind. */
    public static String invitation(InspectionKind kind) {
        return "欢迎广大干部群众对" + InspectionKind.orDefault(kind).rectification() + "落实情况进行监督。如有意见建议，请及时向我们反映。";
    }

    public static NoticeNarrative narrative(NoticeFacts f) {
        if (f.ofRound()) {
            String round = f.round().name() != null ? f.round().name() : "本轮" + f.kind().word();
            return new NoticeNarrative(round + "整改进展情况的通报", List.of(), List.of(), invitation(f.kind()));
        }
        return new NoticeNarrative(f.inspectedUnit() + "关于" + f.kind().rectification() + "进展情况的通报", List.of(), List.of(),
                invitation(f.kind()));
    }

    public static NoticeSettings settings(NoticeFacts f) {
        return new NoticeSettings(f.ofRound() ? f.round().organizer() : f.inspectedUnit(), null, null, NoticeSettings.PROACTIVE_DISCLOSURE, null,
                NoticeSettings.Blocks.none(), List.of(), RateStyle.WHOLE_PERCENT);
    }
}
