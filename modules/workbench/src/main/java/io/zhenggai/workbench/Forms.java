package io.zhenggai.workbench;

import io.zhenggai.platform.domain.CommandShape;
import io.zhenggai.platform.domain.NotFoundException;
import io.zhenggai.platform.domain.RuleViolationException;
import org.axonframework.messaging.interceptors.JSR303ViolationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One submitted form of a page: its fields read and checked (zh-CN messages next to the field), then the command
 * sent; a refusal of the domain (RuleViolation), a stale version (409) or a bad field comes back to the page after
 * the redirect (Post/Redirect/Get) as flash attributes: {@code form} (which form), {@code errors} (field → message;
 * {@code _} for the form as a whole) and {@code values} (what was typed, to fill the form again).
 */
public final class Forms {

    /** The key of a message about the form as a whole. */
    public static final String WHOLE = "_";

    private final String name;
    private final Map<String, String> values;
    private final Map<String, String> errors = new LinkedHashMap<>();

    public Forms(String name, Map<String, String> values) {
        this.name = name;
        this.values = values == null ? Map.of() : values;
    }

    public String text(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }

    public String requiredText(String field, String label) {
        String v = text(field);
        if (v == null) {
            errors.put(field, "请填写" + label);
        }
        return v;
    }

    public LocalDate date(String field, String label, boolean required) {
        String v = text(field);
        if (v == null) {
            if (required) {
                errors.put(field, "请填写" + label);
            }
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            errors.put(field, label + "不是有效的日期（格式：年-月-日）");
            return null;
        }
    }

    public Integer integer(String field, String label) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < 0) {
                errors.put(field, label + "不能为负数");
            }
            return n;
        } catch (NumberFormatException e) {
            errors.put(field, label + "必须是整数");
            return null;
        }
    }

    public java.math.BigDecimal decimal(String field, String label) {
        String v = text(field);
        if (v == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(v);
        } catch (NumberFormatException e) {
            errors.put(field, label + "必须是数字");
            return null;
        }
    }

    public <E extends Enum<E>> E choice(String field, String label, Class<E> type, boolean required) {
        String v = text(field);
        if (v == null) {
            if (required) {
                errors.put(field, "请选择" + label);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            errors.put(field, label + "的取值无效");
            return null;
        }
    }

    /** The version the page was rendered with (hidden field {@code version}): sent as the command's expected version. */
    public Long version() {
        String v = text("version");
        if (v == null) {
            return null;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            errors.put(WHOLE, "页面版本无效，请刷新后重试");
            return null;
        }
    }

    /** Lines (or 、，, separated parts) of a text field, blank ones left out. */
    public List<String> list(String field) {
        String v = text(field);
        if (v == null) {
            return List.of();
        }
        return Arrays.stream(v.split("[\\r\\n,，、]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    public void error(String field, String message) {
        errors.put(field, message);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    /**
     * Sends the command (when the fields were valid); answers whether it was accepted. A refusal is kept for the page
     * after the redirect. Access denials and unknown objects are not the form's: they go to the 403/404 pages.
     */
    public boolean send(Runnable command) {
        if (!valid()) {
            return false;
        }
        try {
            command.run();
            return true;
        } catch (RuntimeException e) {
            String message = refusal(e);
            if (message == null) {
                throw e;
            }
            errors.put(WHOLE, message);
            return false;
        }
    }

    /** The zh-CN message of a refusal the user can act on, or null for one that is no business of the form. */
    static String refusal(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof AccessDeniedException || c instanceof NotFoundException) {
                return null;
            }
            if (c instanceof RuleViolationException r) {
                return r.getMessage();
            }
            if (c instanceof JSR303ViolationException v) { // the command's shape, refused before dispatch (ADR 0046)
                return "提交的内容不完整：" + CommandShape.describe(v);
            }
            if (c instanceof ConflictingAggregateVersionException v) {
                return "数据已被他人修改：您提交的版本为 " + v.getExpectedVersion() + "，当前版本为 " + v.getActualVersion()
                        + "，请刷新后重试";
            }
            if (c instanceof ConcurrencyException) {
                return "同一对象正被同时修改，请刷新后重试";
            }
        }
        return null;
    }

    /** Puts the outcome into the flash attributes of the redirect. */
    public void flash(RedirectAttributes redirect, String success) {
        if (valid()) {
            redirect.addFlashAttribute("message", success);
        } else {
            redirect.addFlashAttribute("form", name);
            redirect.addFlashAttribute("errors", new LinkedHashMap<>(errors));
            redirect.addFlashAttribute("values", new LinkedHashMap<>(values));
        }
    }

    public Map<String, String> errors() {
        return errors;
    }

    public static List<String> nonBlank(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) {
            values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).forEach(out::add);
        }
        return out;
    }
}
