package dev.kubeward.engine.rbac.permission;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Ports TestRuleMatches of kubernetes plugin/pkg/auth/authorizer/rbac/rbac_test.go, plus the §3 pitfalls. */
class PolicyRuleTest {

    private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources) {
        return PolicyRule.resource(verbs, groups, resources);
    }

    private static PolicyRule urls(List<String> verbs, String... urls) {
        return new PolicyRule(verbs, List.of(), List.of(), List.of(), List.of(urls));
    }

    private static Request req(String verb, String group, String resource, String sub) {
        return new Request(verb, group, resource, sub, "", "", null);
    }

    @Test
    void starVerbMatchesEveryVerbButGroupAndResourceExactly() {
        PolicyRule r = rule(List.of("*"), List.of("group1"), List.of("resource1"));
        assertThat(r.allows(req("verb1", "group1", "resource1", ""))).isTrue();
        assertThat(r.allows(req("verb2", "group1", "resource1", ""))).isTrue();
        assertThat(r.allows(req("verb1", "group2", "resource1", ""))).isFalse();
        assertThat(r.allows(req("verb1", "group1", "resource2", ""))).isFalse();
    }

    @Test
    void starGroupMatchesEveryGroup() {
        PolicyRule r = rule(List.of("verb1"), List.of("*"), List.of("resource1"));
        assertThat(r.allows(req("verb1", "group1", "resource1", ""))).isTrue();
        assertThat(r.allows(req("verb1", "group2", "resource1", ""))).isTrue();
        assertThat(r.allows(req("verb1", "group1", "resource2", ""))).isFalse();
        assertThat(r.allows(req("verb2", "group1", "resource1", ""))).isFalse();
    }

    @Test
    void starResourceMatchesEveryResourceAndSubresource() {
        PolicyRule r = rule(List.of("verb1"), List.of("group1"), List.of("*"));
        assertThat(r.allows(req("verb1", "group1", "resource1", ""))).isTrue();
        assertThat(r.allows(req("verb1", "group1", "resource2", "status"))).isTrue();
        assertThat(r.allows(req("verb1", "group2", "resource1", ""))).isFalse();
        assertThat(r.allows(req("verb2", "group1", "resource1", ""))).isFalse();
    }

    @Test
    void tupleExpansion() {
        PolicyRule r = rule(List.of("verb1", "verb2"), List.of("group1", "group2"), List.of("resource1", "resource2"));
        for (String v : List.of("verb1", "verb2")) for (String g : List.of("group1", "group2")) for (String res : List.of("resource1", "resource2")) {
            assertThat(r.allows(req(v, g, res, ""))).isTrue();
        }
    }

    @Test
    void subresourceExpansion() {
        PolicyRule r = rule(List.of("*"), List.of("*"), List.of("resource1/subresource1"));
        assertThat(r.allows(req("verb1", "group1", "resource1", "subresource1"))).isTrue();
        assertThat(r.allows(req("verb1", "group2", "resource1", "subresource2"))).isFalse();
        assertThat(r.allows(req("verb1", "group1", "resource2", "subresource1"))).isFalse();
    }

    @Test
    void starSlashSubresourceMatchesAnyResourceButPodsSlashStarIsLiteral() {
        PolicyRule anyExec = rule(List.of("create"), List.of(""), List.of("*/exec"));
        assertThat(anyExec.allows(req("create", "", "pods", "exec"))).isTrue();
        assertThat(anyExec.allows(req("create", "", "pods", "attach"))).isFalse();
        assertThat(anyExec.allows(req("create", "", "pods", ""))).isFalse();
        PolicyRule podsStar = rule(List.of("create"), List.of(""), List.of("pods/*"));
        assertThat(podsStar.allows(req("create", "", "pods", "exec"))).isFalse();
        PolicyRule pods = rule(List.of("*"), List.of("*"), List.of("pods"));
        assertThat(pods.allows(req("get", "", "pods", "status"))).isFalse();
    }

    @Test
    void emptyResourceNamesMeanAllNamesAndStarIsNotAWildcard() {
        PolicyRule named = new PolicyRule(List.of("get"), List.of(""), List.of("secrets"), List.of("*"), List.of());
        assertThat(named.allows(Request.of("get", "", "secrets", "ns", "token"))).isFalse();
        assertThat(named.allows(Request.of("get", "", "secrets", "ns", "*"))).isTrue();
        PolicyRule only = new PolicyRule(List.of("get", "list"), List.of(""), List.of("secrets"), List.of("a"), List.of());
        assertThat(only.allows(Request.of("get", "", "secrets", "ns", "a"))).isTrue();
        assertThat(only.allows(Request.of("list", "", "secrets", "ns", ""))).as("a name-restricted rule never allows list").isFalse();
    }

    @Test
    void verbsAreCaseSensitive() {
        assertThat(rule(List.of("get"), List.of(""), List.of("pods")).allows(req("GET", "", "pods", ""))).isFalse();
    }

    @Test
    void starNonResourceURLMatchesEveryPathForItsVerb() {
        PolicyRule r = urls(List.of("verb1"), "*");
        assertThat(r.allows(Request.nonResource("verb1", "/foo/bar/one"))).isTrue();
        assertThat(r.allows(Request.nonResource("verb2", "/foo"))).isFalse();
    }

    @Test
    void trailingStarIsAPrefixGlob() {
        PolicyRule r = urls(List.of("verb1"), "/foo/*");
        assertThat(r.allows(Request.nonResource("verb1", "/foo"))).isFalse();
        assertThat(r.allows(Request.nonResource("verb1", "/foo/bar"))).isTrue();
        assertThat(r.allows(Request.nonResource("verb1", "/foo/baz/one"))).isTrue();
        assertThat(r.allows(Request.nonResource("verb1", "/notfoo/bar"))).isFalse();
    }

    @Test
    void starVerbWithExactURLs() {
        PolicyRule r = urls(List.of("*"), "/foo", "/foo/bar/one");
        assertThat(r.allows(Request.nonResource("verb2", "/foo"))).isTrue();
        assertThat(r.allows(Request.nonResource("verb1", "/foo/bar"))).isFalse();
        assertThat(r.allows(Request.nonResource("verb1", "/foo/bar/one"))).isTrue();
        assertThat(r.allows(Request.nonResource("verb1", "/foo/baz/one"))).isFalse();
    }

    @Test
    void resourceRuleDoesNotAllowNonResourceRequest() {
        assertThat(rule(List.of("*"), List.of("*"), List.of("*")).allows(Request.nonResource("get", "/healthz"))).isFalse();
    }
}
