package io.zhenggai.platform.web;

import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.ServletWebRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IfMatchArgumentResolverTest {

    private final IfMatchArgumentResolver resolver = new IfMatchArgumentResolver();

    @SuppressWarnings("unused")
    void handler(@IfMatch Long expectedVersion, Long other) {
    }

    private static MethodParameter parameter(int index) throws NoSuchMethodException {
        return new MethodParameter(IfMatchArgumentResolverTest.class.getDeclaredMethod("handler", Long.class, Long.class), index);
    }

    private Long resolve(String header) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest();
        if (header != null) {
            request.addHeader("If-Match", header);
        }
        return resolver.resolveArgument(parameter(0), null, new ServletWebRequest(request), null);
    }

    @Test
    void takesOnlyParametersMarkedIfMatch() throws Exception {
        assertThat(resolver.supportsParameter(parameter(0))).isTrue();
        assertThat(resolver.supportsParameter(parameter(1))).isFalse();
    }

    @Test
    void readsTheQuotedVersionOrNothing() throws Exception {
        assertThat(resolve("\"3\"")).isEqualTo(3L);
        assertThat(resolve("W/\"0\"")).isEqualTo(0L);
        assertThat(resolve(null)).isNull();
        assertThat(resolve("*")).isNull();
    }

    @Test
    void refusesAVersionWithoutQuotesNamingTheHeader() {
        assertThatThrownBy(() -> resolve("3")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("If-Match");
            assertThat(e.code()).isEqualTo("IF_MATCH_INVALID");
        });
    }
}
