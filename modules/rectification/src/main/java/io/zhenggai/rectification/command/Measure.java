package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.ItemStatus;
import io.zhenggai.api.rectification.RectificationCommands.ReviseMeasureCommand;
import io.zhenggai.api.rectification.RectificationEvents.MeasureRevisedEvent;
import io.zhenggai.api.rectification.RectificationEvents.ProgressRecordedEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.EntityId;

import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.text.Blanks.blankToNull;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 整改措施: one measure of an {@link Item} (一是, 二是 …), an entity addressed by its {@code measureId}. Its text is
 * revised while its item is open, with a reason once the plan is adopted; progress on it gives it a status.
 */
class Measure {

    private final Item item;
    @EntityId
    private final String measureId;
    private String text;
    private ItemStatus status = ItemStatus.NOT_STARTED;
    private boolean hasProgress;

    Measure(Item item, String measureId, String text) {
        this.item = item;
        this.measureId = measureId;
        this.text = text;
    }

    @CommandHandler
    Long handle(ReviseMeasureCommand cmd) {
        item.requireOpen();
        require(!text.equals(cmd.text()), "NO_CHANGE", "修改内容与现有整改措施相同");
        boolean adopted = item.rectification().planAdopted();
        if (adopted) {
            require(present(cmd.reason()), "REASON_REQUIRED", "整改方案已通过，修改整改措施必须说明理由");
        }
        apply(new MeasureRevisedEvent(item.rectification().id(), item.id(), measureId, cmd.text(), adopted,
                blankToNull(cmd.reason())));
        return getVersion();
    }

    String id() {
        return measureId;
    }

    boolean hasProgress() {
        return hasProgress;
    }

    @EventSourcingHandler
    void on(MeasureRevisedEvent e) {
        text = e.text();
    }

    @EventSourcingHandler
    void on(ProgressRecordedEvent e) {
        status = e.measureStatus();
        hasProgress = true;
    }

    /** Value equality (without the item), so that Axon's fixture compares state from commands and from events. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Measure m && measureId.equals(m.measureId) && Objects.equals(text, m.text)
                && status == m.status && hasProgress == m.hasProgress;
    }

    @Override
    public int hashCode() {
        return measureId.hashCode();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
