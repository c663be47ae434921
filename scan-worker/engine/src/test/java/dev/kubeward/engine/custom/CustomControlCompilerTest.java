package dev.kubeward.engine.custom;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kubeward.engine.custom.Objects.control;
import static dev.kubeward.engine.custom.Objects.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CustomControlCompilerTest {

    private final CustomControlCompiler compiler = new CustomControlCompiler();

    @Test
    void acceptsAWellTypedBooleanExpression() {
        CustomControl c = control("replicas", List.of("Deployment"), "has(object.spec.replicas) && object.spec.replicas >= 2");
        assertThat(compiler.problems(c)).isEmpty();
        assertThat(compiler.compile(c).name()).isEqualTo("KW-CUSTOM-replicas");
    }

    @Test
    void reportsASyntaxErrorWithLineAndColumn() {
        CustomControl c = control("broken", List.of("Pod"), "has(object.spec) &&\n  object.spec.containers.all(c, c.image.startsWith('reg.io/')");
        List<ExpressionProblem> problems = compiler.problems(c);
        assertThat(problems).hasSize(1);
        ExpressionProblem p = problems.get(0);
        assertThat(p.field()).isEqualTo("expression");
        assertThat(p.line()).isEqualTo(2);
        assertThat(p.column()).isPositive();
        assertThat(p.message()).contains("missing ')'");
        assertThat(p.display()).startsWith("expression:2:");
    }

    @Test
    void reportsAnUndeclaredVariable() {
        ExpressionProblem p = compiler.problems(control("typo", List.of("Pod"), "obj.spec.hostNetwork == false")).get(0);
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isEqualTo(1);
        assertThat(p.message()).contains("undeclared reference to 'obj'");
    }

    @Test
    void rejectsAnExpressionThatIsNotBoolean() {
        ExpressionProblem p = compiler.problems(control("number", List.of("Pod"), "size(object.metadata) + 1")).get(0);
        assertThat(p.message()).contains("expected type 'bool' but found 'int'");
    }

    @Test
    void rejectsAMessageExpressionThatIsNotAString() {
        CustomControl c = new CustomControl("KW-CUSTOM-msg", "Message", "", dev.kubeward.engine.catalog.Severity.LOW, "", List.of("Pod"), null,
                "true", "object.metadata.name == 'x'");
        ExpressionProblem p = compiler.problems(c).get(0);
        assertThat(p.field()).isEqualTo("messageExpression");
        assertThat(p.message()).contains("expected type 'string'");
    }

    @Test
    void rejectsExpressionsWhoseEstimatedCostExceedsTheLimit() {
        String threeLevels = "object.spec.containers.all(a, object.spec.containers.all(b, object.spec.containers.all(c, a.name != b.name || b.name != c.name)))";
        ExpressionProblem p = compiler.problems(control("nested", List.of("Pod"), threeLevels)).get(0);
        assertThat(p.message()).contains("estimated cost").contains("exceeds the limit of 1000000");
        String twoLevels = "object.spec.containers.all(a, object.spec.containers.all(b, a == b || a.name != b.name))";
        assertThat(compiler.problems(control("pairs", List.of("Pod"), twoLevels))).isEmpty();
    }

    @Test
    void checksTheOtherFieldsToo() {
        CustomControl c = new CustomControl("C-0001", " ", "", dev.kubeward.engine.catalog.Severity.LOW, "", List.of("pods"),
                yaml("{matchLabel: {a: b}}"), "", null);
        assertThat(compiler.problems(c)).extracting(ExpressionProblem::field)
                .containsExactlyInAnyOrder("id", "name", "matchKinds", "namespaceSelector", "expression");
        assertThatThrownBy(() -> compiler.compile(c)).isInstanceOf(InvalidCustomControlException.class)
                .hasMessageContaining("id: must be KW-CUSTOM-<slug>");
    }

    @Test
    void slugsAreDnsLabels() {
        assertThat(CustomControl.idFor("no-latest-tag")).isEqualTo("KW-CUSTOM-no-latest-tag");
        assertThatThrownBy(() -> CustomControl.idFor("No Latest")).isInstanceOf(IllegalArgumentException.class);
        assertThat(CustomControl.isCustomId("KW-CUSTOM-")).isFalse();
    }
}
