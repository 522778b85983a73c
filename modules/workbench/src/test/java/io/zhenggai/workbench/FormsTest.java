package io.zhenggai.workbench;

import io.zhenggai.api.publication.PublicationCommands.WithdrawNoticeCommand;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import jakarta.validation.Validation;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormsTest {

    @Test
    void badFieldsAreNamedAndNothingIsSent() {
        Forms form = new Forms("progress", Map.of("date", "2024-02-30", "count", "-1", "status", "NOPE"));
        form.date("date", "进展日期", true);
        form.requiredText("text", "进展情况");
        form.integer("count", "人数");
        form.choice("status", "整改状态", io.zhenggai.api.rectification.ItemStatus.class, true);
        boolean[] sent = {false};
        assertThat(form.send(() -> sent[0] = true)).isFalse();
        assertThat(sent[0]).isFalse();
        assertThat(form.errors()).containsEntry("date", "进展日期不是有效的日期（格式：年-月-日）")
                .containsEntry("text", "请填写进展情况").containsEntry("count", "人数不能为负数")
                .containsEntry("status", "整改状态的取值无效");
    }

    @Test
    void aRuleViolationAndAStaleVersionComeBackToTheForm() {
        Forms rule = new Forms("f", Map.of());
        assertThat(rule.send(() -> {
            throw new CommandExecutionException("refused", RuleViolationException.conflict("X", "事项已销号"));
        })).isFalse();
        assertThat(rule.errors()).containsEntry(Forms.WHOLE, "事项已销号");

        Forms stale = new Forms("f", Map.of());
        assertThat(stale.send(() -> {
            throw new ConflictingAggregateVersionException("r", 3, 5);
        })).isFalse();
        assertThat(stale.errors().get(Forms.WHOLE)).contains("您提交的版本为 3", "当前版本为 5");
    }

    @Test
    void aCommandRefusedForItsShapeComesBackToTheFormNamingTheField() {
        var violations = Validation.buildDefaultValidatorFactory().getValidator()
                .validate((Object) new WithdrawNoticeCommand("notice-1", " ", null));
        Forms form = new Forms("f", Map.of());
        assertThat(form.send(() -> {
            throw new JSR303ViolationException(violations);
        })).isFalse();
        assertThat(form.errors().get(Forms.WHOLE)).startsWith("提交的内容不完整：reason：");
    }

    @Test
    void refusalsThatAreNoBusinessOfTheFormGoToTheirPages() {
        assertThatThrownBy(() -> new Forms("f", Map.of()).send(() -> {
            throw new AccessDeniedException("no");
        })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new Forms("f", Map.of()).send(() -> {
            throw new NotFoundException("rectification", "x");
        })).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> new Forms("f", Map.of()).send(() -> {
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listsSplitOnLinesAndChineseSeparators() {
        assertThat(new Forms("f", Map.of("persons", "张三、李四，王五\n赵六, ")).list("persons"))
                .containsExactly("张三", "李四", "王五", "赵六");
    }
}
