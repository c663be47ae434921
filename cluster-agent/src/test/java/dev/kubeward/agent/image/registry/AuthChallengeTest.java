package dev.kubeward.agent.image.registry;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthChallengeTest {

    @Test
    void readsBearerChallengesWithCommasInQuotedValues() {
        AuthChallenge c = AuthChallenge.parse("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                + "scope=\"repository:library/nginx:pull,push\"").orElseThrow();

        assertThat(c.scheme()).isEqualTo("bearer");
        assertThat(c.param("realm")).isEqualTo("https://auth.docker.io/token");
        assertThat(c.param("service")).isEqualTo("registry.docker.io");
        assertThat(c.param("scope")).isEqualTo("repository:library/nginx:pull,push");
        assertThat(AuthChallenge.parse("Basic realm=Registry").orElseThrow().scheme()).isEqualTo("basic");
        assertThat(AuthChallenge.parse(null)).isEmpty();
    }
}
