package io.zhenggai.rectification.command;

import io.zhenggai.api.rectification.LeadershipRole;
import io.zhenggai.api.rectification.RectificationCommands.AppointGroupMemberCommand;
import io.zhenggai.api.rectification.RectificationCommands.NameOfficeCommand;
import io.zhenggai.api.rectification.RectificationCommands.RelieveGroupMemberCommand;
import io.zhenggai.api.rectification.RectificationEvents.GroupMemberAppointedEvent;
import io.zhenggai.api.rectification.RectificationEvents.GroupMemberRelievedEvent;
import io.zhenggai.api.rectification.RectificationEvents.OfficeNamedEvent;
import io.zhenggai.platform.domain.NotFoundException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static io.zhenggai.platform.domain.RuleViolationException.require;
import static io.zhenggai.platform.domain.RuleViolationException.requireState;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

/**
 * 整改工作领导小组 and its office, an entity of {@link Rectification}. Rules: a member is appointed once (again only
 * after being relieved); the group has at most one leader (组长) and one executive deputy at a time; a member is
 * relieved with a reason, not before the appointment, and not while still the leader answering for an item that is
 * not closed off. Only a leading member (组长, 常务副组长, 副组长) answers for items.
 */
class LeadershipGroup {

    private final Rectification rectification;
    private final Map<String, Member> members = new LinkedHashMap<>();
    private String officeName;
    private String officeHost;

    LeadershipGroup(Rectification rectification) {
        this.rectification = rectification;
    }

    /** A member of the group; value equality, so that Axon's fixture compares state from commands and from events. */
    static final class Member {
        final String memberId;
        String name;
        String position;
        LeadershipRole role;
        LocalDate appointedDate;
        boolean active;

        Member(String memberId) {
            this.memberId = memberId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member m && memberId.equals(m.memberId) && Objects.equals(name, m.name)
                    && Objects.equals(position, m.position) && role == m.role
                    && Objects.equals(appointedDate, m.appointedDate) && active == m.active;
        }

        @Override
        public int hashCode() {
            return memberId.hashCode();
        }
    }

    @CommandHandler
    Long handle(NameOfficeCommand cmd) {
        require(!(Objects.equals(cmd.name(), officeName) && Objects.equals(cmd.hostDepartment(), officeHost)),
                "NO_CHANGE", "整改办公室信息没有变化");
        apply(new OfficeNamedEvent(rectification.id(), cmd.name(), cmd.hostDepartment()));
        return getVersion();
    }

    @CommandHandler
    Long handle(AppointGroupMemberCommand cmd, Clock clock) {
        Member existing = members.get(cmd.memberId());
        requireState(existing == null || !existing.active, "MEMBER_ALREADY_APPOINTED",
                "该成员已在领导小组中：" + (existing == null ? "" : existing.name));
        if (cmd.role() == LeadershipRole.LEADER || cmd.role() == LeadershipRole.EXECUTIVE_DEPUTY) {
            String holder = members.values().stream().filter(m -> m.active && m.role == cmd.role())
                    .map(m -> m.name).findFirst().orElse(null);
            requireState(holder == null, "ROLE_TAKEN", "领导小组已有" + cmd.role().label() + "：" + holder + "，请先免去其职务");
        }
        rectification.requireBusinessDate(cmd.date(), clock, "任命日期");
        apply(new GroupMemberAppointedEvent(rectification.id(), cmd.memberId(), cmd.name(), cmd.position(), cmd.role(),
                cmd.date()));
        return getVersion();
    }

    @CommandHandler
    Long handle(RelieveGroupMemberCommand cmd, Clock clock) {
        Member member = members.get(cmd.memberId());
        if (member == null || !member.active) {
            throw new NotFoundException("group member", cmd.memberId());
        }
        rectification.requireBusinessDate(cmd.date(), clock, "免职日期");
        require(!cmd.date().isBefore(member.appointedDate), "DATE_BEFORE_APPOINTMENT",
                "免职日期（" + cmd.date() + "）不能早于任命日期（" + member.appointedDate + "）");
        List<String> open = rectification.openItemsLedBy(member.memberId);
        requireState(open.isEmpty(), "MEMBER_HAS_OPEN_ITEMS",
                member.name + "仍是以下未销号整改事项的责任领导，请先调整责任：" + String.join("；", open));
        apply(new GroupMemberRelievedEvent(rectification.id(), member.memberId, member.name, member.role, cmd.date(),
                cmd.reason()));
        return getVersion();
    }

    /** The active leading member who may answer for items. */
    Member requireLeader(String memberId) {
        Member m = members.get(memberId);
        require(m != null && m.active, "LEADER_UNKNOWN", "领导小组中没有在任的该成员：" + memberId);
        require(m.role.leads(), "LEADER_REQUIRED",
                m.name + "是领导小组成员（" + m.role.label() + "），责任领导须由组长、常务副组长或副组长担任");
        return m;
    }

    /** Whether the id names a member, active or relieved. */
    boolean knows(String memberId) {
        return members.containsKey(memberId);
    }

    /** The name of a member, active or relieved; null for an unknown id. */
    String nameOf(String memberId) {
        Member m = memberId == null ? null : members.get(memberId);
        return m == null ? null : m.name;
    }

    boolean hasLeader() {
        return members.values().stream().anyMatch(m -> m.active && m.role == LeadershipRole.LEADER);
    }

    @EventSourcingHandler
    void on(OfficeNamedEvent e) {
        officeName = e.name();
        officeHost = e.hostDepartment();
    }

    @EventSourcingHandler
    void on(GroupMemberAppointedEvent e) {
        Member m = members.computeIfAbsent(e.memberId(), Member::new);
        m.name = e.name();
        m.position = e.position();
        m.role = e.role();
        m.appointedDate = e.date();
        m.active = true;
    }

    @EventSourcingHandler
    void on(GroupMemberRelievedEvent e) {
        members.get(e.memberId()).active = false;
    }
}
