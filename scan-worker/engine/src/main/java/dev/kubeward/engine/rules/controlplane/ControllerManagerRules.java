package dev.kubeward.engine.rules.controlplane;

import dev.kubeward.engine.rule.Rule;

import java.util.List;

import static dev.kubeward.engine.rules.controlplane.ControlPlaneComponent.CONTROLLER_MANAGER;
import static dev.kubeward.engine.rules.controlplane.ControlPlaneComponent.SCHEDULER;

/** CIS sections 1.3 and 1.4: the controller manager's and the scheduler's flags. */
final class ControllerManagerRules {

    private ControllerManagerRules() {
    }

    static List<Rule> all() {
        return List.of(
                controllerManager("ensure-that-the-controller-manager-terminated-pod-gc-threshold-argument-is-set-as-appropriate",
                        ReviewedFlag.required("terminated-pod-gc-threshold")),
                controllerManager("ensure-that-the-controller-manager-profiling-argument-is-set-to-false",
                        BooleanFlag.mustBe("profiling", false).defaultingTo(true)),
                controllerManager("ensure-that-the-controller-manager-use-service-account-credentials-argument-is-set-to-true",
                        BooleanFlag.mustBe("use-service-account-credentials", true).defaultingTo(false)),
                controllerManager("ensure-that-the-controller-manager-service-account-private-key-file-argument-is-set-as-appropriate",
                        RequiredFlags.of("service-account-private-key-file", "<path/to/key/filename.key>")),
                controllerManager("ensure-that-the-controller-manager-root-ca-file-argument-is-set-as-appropriate",
                        RequiredFlags.of("root-ca-file", "<path/to/key/ca.crt>")),
                controllerManager("ensure-that-the-controller-manager-RotateKubeletServerCertificate-argument-is-set-to-true",
                        new FeatureGate("RotateKubeletServerCertificate")),
                controllerManager("ensure-that-the-controller-manager-bind-address-argument-is-set-to-127.0.0.1",
                        ScalarFlag.mustBeLoopback("bind-address").defaultingTo("0.0.0.0")),
                new ComponentFlagRule("ensure-that-the-scheduler-profiling-argument-is-set-to-false", SCHEDULER,
                        BooleanFlag.mustBe("profiling", false).defaultingTo(true)),
                new ComponentFlagRule("ensure-that-the-scheduler-bind-address-argument-is-set-to-127.0.0.1", SCHEDULER,
                        ScalarFlag.mustBeLoopback("bind-address").defaultingTo("0.0.0.0")));
    }

    private static Rule controllerManager(String name, FlagCheck check) {
        return new ComponentFlagRule(name, CONTROLLER_MANAGER, check);
    }
}
