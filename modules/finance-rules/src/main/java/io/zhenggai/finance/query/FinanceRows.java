package io.zhenggai.finance.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zhenggai.api.finance.ExpenseRule;
import io.zhenggai.api.finance.FinanceQueries.*;
import io.zhenggai.api.finance.FinanceValues.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Column readers shared by the finance query handlers (null-safe dates, integers, instants, enums, JSON lists). */
final class FinanceRows {

    private FinanceRows() {
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static Verdict verdict(String v) {
        return v == null ? null : Verdict.valueOf(v);
    }

    static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static <T> List<T> read(ObjectMapper json, String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final TypeReference<List<ExpenseRule>> RULES = new TypeReference<>() {
    };
    static final TypeReference<List<AppliedVersion>> APPLIED = new TypeReference<>() {
    };
    static final TypeReference<List<Breach>> BREACHES = new TypeReference<>() {
    };
    static final TypeReference<List<DocumentRef>> DOCUMENTS = new TypeReference<>() {
    };
    static final TypeReference<List<Approval>> APPROVALS = new TypeReference<>() {
    };
    static final TypeReference<List<ExpenseItem>> ITEMS = new TypeReference<>() {
    };
}
