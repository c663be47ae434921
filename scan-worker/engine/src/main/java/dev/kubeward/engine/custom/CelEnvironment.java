package dev.kubeward.engine.custom;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.parser.CelStandardMacro;

/**
 * The two CEL environments of custom controls: one whose expressions must be boolean (the check) and one whose
 * expressions must be strings (the message). Both declare {@code object} and {@code namespaceObject} as
 * {@code map(string, dyn)}, as Kubernetes objects are schemaless here; reading a missing key is an error, so
 * expressions guard optional fields with {@code has()}. Built once: environments and programs are immutable.
 */
final class CelEnvironment {

    static final String OBJECT = "object";
    static final String NAMESPACE_OBJECT = "namespaceObject";

    static final Cel CHECK = build(SimpleType.BOOL);
    static final Cel MESSAGE = build(SimpleType.STRING);

    private CelEnvironment() {
    }

    private static Cel build(CelType resultType) {
        MapType json = MapType.create(SimpleType.STRING, SimpleType.DYN);
        return CelFactory.standardCelBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addVar(OBJECT, json)
                .addVar(NAMESPACE_OBJECT, json)
                .setResultType(resultType)
                .build();
    }
}
