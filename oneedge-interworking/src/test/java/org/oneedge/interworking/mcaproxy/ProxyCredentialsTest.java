package org.oneedge.interworking.mcaproxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oneedge.model.OneM2MException;
import org.oneedge.model.ResponseStatusCode;

class ProxyCredentialsTest {

    private final ProxyCredentials credentials = new ProxyCredentials(Set.of("abc", "def"));

    @Test
    void accepts_a_configured_bearer_token_in_any_scheme_case() {
        assertThatCode(() -> credentials.check("Bearer abc", "h")).doesNotThrowAnyException();
        assertThatCode(() -> credentials.check("bearer  def ", "h")).doesNotThrowAnyException();
    }

    @Test
    void refuses_missing_foreign_scheme_and_unknown_tokens_with_4103_naming_the_problem() {
        assertThat(refusal(null)).contains("missing proxy token");
        assertThat(refusal("Basic YWJj")).contains("Bearer");
        assertThat(refusal("Bearer abcd")).contains("not accepted");
    }

    @Test
    void checks_nothing_when_no_token_is_configured() {
        assertThatCode(() -> new ProxyCredentials(Set.of()).check(null, "h")).doesNotThrowAnyException();
    }

    private String refusal(String credential) {
        OneM2MException e = catchThrowableOfType(OneM2MException.class, () -> credentials.check(credential, "h"));
        assertThat(e.statusCode()).isEqualTo(ResponseStatusCode.ORIGINATOR_HAS_NO_PRIVILEGE);
        return e.getMessage();
    }
}
