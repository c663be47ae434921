package dev.kubeward.engine.rules.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kubeward.engine.rule.FixPath;
import dev.kubeward.engine.rules.controlplane.CommandLine.Flag;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CommandLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode container(List<String> command, List<String> args) {
        ObjectNode c = JSON.createObjectNode();
        ArrayNode cmd = c.putArray("command");
        command.forEach(cmd::add);
        if (args != null) {
            ArrayNode a = c.putArray("args");
            args.forEach(a::add);
        }
        return c;
    }

    static CommandLine parse(List<String> command, List<String> args) {
        return CommandLine.of(container(command, args), "spec.containers[0]");
    }

    static CommandLine parse(String... command) {
        return parse(List.of(command), null);
    }

    @Test
    void readsFlagWithEqualsAndPointsAtItsEntry() {
        CommandLine cmd = parse("kube-apiserver", "--advertise-address=10.0.0.1", "--secure-port=6443");

        Flag port = cmd.last("secure-port").orElseThrow();
        assertThat(port.value()).isEqualTo("6443");
        assertThat(port.at().path()).isEqualTo("spec.containers[0].command[2]");
    }

    @Test
    void readsValueFromTheNextEntryAndFixesThatEntry() {
        CommandLine cmd = parse("kube-scheduler", "--bind-address", "0.0.0.0", "--profiling=false");

        Flag bind = cmd.last("bind-address").orElseThrow();
        assertThat(bind.value()).isEqualTo("0.0.0.0");
        assertThat(bind.fix("127.0.0.1")).isEqualTo(new FixPath("spec.containers[0].command[2]", "127.0.0.1"));
        assertThat(bind.entries()).containsExactly("spec.containers[0].command[1]", "spec.containers[0].command[2]");
        assertThat(cmd.last("profiling").orElseThrow().booleanValue()).contains(false);
    }

    @Test
    void bareBooleanFlagIsTrueAndDoesNotSwallowTheNextFlag() {
        CommandLine cmd = parse("etcd", "--client-cert-auth", "--peer-auto-tls=false");

        assertThat(cmd.last("client-cert-auth").orElseThrow().booleanValue()).contains(true);
        assertThat(cmd.last("peer-auto-tls").orElseThrow().booleanValue()).contains(false);
    }

    @Test
    void acceptsGoBooleanSpellingsAndRejectsOthers() {
        assertThat(parse("etcd", "--auto-tls=T").last("auto-tls").orElseThrow().booleanValue()).contains(true);
        assertThat(parse("etcd", "--auto-tls=0").last("auto-tls").orElseThrow().booleanValue()).contains(false);
        assertThat(parse("etcd", "--auto-tls=yes").last("auto-tls").orElseThrow().booleanValue()).isEmpty();
    }

    @Test
    void readsFlagsFromArgsWithArgsPaths() {
        CommandLine cmd = parse(List.of("kube-apiserver"), List.of("--advertise-address=10.0.4.1", "--anonymous-auth=true"));

        assertThat(cmd.last("anonymous-auth").orElseThrow().at().path()).isEqualTo("spec.containers[0].args[1]");
        assertThat(cmd.appendPath(0)).isEqualTo("spec.containers[0].args[2]");
    }

    @Test
    void appendsToCommandWhenThereAreNoArgs() {
        CommandLine cmd = parse("kube-apiserver", "--secure-port=6443");

        assertThat(cmd.appendPath(0)).isEqualTo("spec.containers[0].command[2]");
        assertThat(cmd.appendPath(1)).isEqualTo("spec.containers[0].command[3]");
    }

    @Test
    void lastOccurrenceOfARepeatedFlagWins() {
        CommandLine cmd = parse("kube-apiserver", "--profiling=false", "--profiling=true");

        assertThat(cmd.all("profiling")).hasSize(2);
        assertThat(cmd.last("profiling").orElseThrow().at().path()).isEqualTo("spec.containers[0].command[2]");
    }

    @Test
    void repeatedListFlagsAddUpAcrossCommandAndArgs() {
        CommandLine cmd = parse(List.of("kube-apiserver", "--enable-admission-plugins=NodeRestriction, EventRateLimit"),
                List.of("--enable-admission-plugins=AlwaysPullImages,,NodeRestriction"));

        assertThat(cmd.items("enable-admission-plugins")).containsExactly("NodeRestriction", "EventRateLimit", "AlwaysPullImages");
    }

    @Test
    void mapFlagMergesWithLaterValuesWinning() {
        CommandLine cmd = parse("kube-controller-manager", "--feature-gates=RotateKubeletServerCertificate=false,Foo=true",
                "--feature-gates=RotateKubeletServerCertificate=true");

        assertThat(cmd.mapItems("feature-gates").get("RotateKubeletServerCertificate").value()).isEqualTo("true");
        assertThat(cmd.mapItems("feature-gates").get("Foo").value()).isEqualTo("true");
    }

    @Test
    void acceptsSingleDashFlagsAsGoFlagPackageDoes() {
        CommandLine cmd = parse("etcd", "-client-cert-auth=true", "-name", "node-1");

        assertThat(cmd.last("client-cert-auth").orElseThrow().booleanValue()).contains(true);
        assertThat(cmd.last("name").orElseThrow().value()).isEqualTo("node-1");
    }

    @Test
    void stopsAtDoubleDash() {
        CommandLine cmd = parse("kube-apiserver", "--secure-port=6443", "--", "--token-auth-file=/tokens.csv");

        assertThat(cmd.has("token-auth-file")).isFalse();
    }

    @Test
    void neverSplitsAnEntryOnSpacesBecauseExecDoesNot() {
        CommandLine cmd = parse("kube-apiserver", "--tls-private-key-file=/pki/apiserver.key --token-auth-file=/tokens.csv");

        assertThat(cmd.has("token-auth-file")).isFalse();
        assertThat(cmd.last("tls-private-key-file").orElseThrow().value()).isEqualTo("/pki/apiserver.key --token-auth-file=/tokens.csv");
    }

    @Test
    void executableIsTheFileNameOfTheFirstWord() {
        assertThat(parse("/usr/local/bin/kube-apiserver", "--secure-port=6443").executable()).isEqualTo("kube-apiserver");
        assertThat(parse("etcd --name=x").executable()).isEqualTo("etcd");
    }
}
