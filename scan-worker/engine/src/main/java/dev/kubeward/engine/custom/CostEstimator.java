package dev.kubeward.engine.custom;

import dev.cel.common.ast.CelExpr;

/**
 * A static upper estimate of what an expression costs on one object, in evaluated nodes: every node costs 1, and
 * a comprehension (all, exists, exists_one, map, filter) costs its range plus, per element, its condition and
 * step. Lists we cannot see are assumed to hold {@value #ASSUMED_LIST_SIZE} elements — more than containers,
 * ports or rules of any sane object — so nesting shows: one level over 100, two over 10,000, three over
 * 1,000,000. Like Kubernetes' estimate for ValidatingAdmissionPolicy it rejects expressions that are expensive
 * by construction; the runtime limit catches the rest.
 */
final class CostEstimator {

    static final long ASSUMED_LIST_SIZE = 100;

    private CostEstimator() {
    }

    static long estimate(CelExpr e) {
        return switch (e.getKind()) {
            case CONSTANT, IDENT, NOT_SET -> 1;
            case SELECT -> add(1, estimate(e.select().operand()));
            case CALL -> {
                long c = 1;
                if (e.call().target().isPresent()) c = add(c, estimate(e.call().target().get()));
                for (CelExpr arg : e.call().args()) c = add(c, estimate(arg));
                yield c;
            }
            case LIST -> {
                long c = 1;
                for (CelExpr el : e.list().elements()) c = add(c, estimate(el));
                yield c;
            }
            case MAP -> {
                long c = 1;
                for (CelExpr.CelMap.Entry en : e.map().entries()) c = add(c, add(estimate(en.key()), estimate(en.value())));
                yield c;
            }
            case STRUCT -> {
                long c = 1;
                for (CelExpr.CelStruct.Entry en : e.struct().entries()) c = add(c, estimate(en.value()));
                yield c;
            }
            case COMPREHENSION -> {
                CelExpr.CelComprehension c = e.comprehension();
                long size = c.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST ? c.iterRange().list().elements().size() : ASSUMED_LIST_SIZE;
                long perElement = add(estimate(c.loopCondition()), estimate(c.loopStep()));
                yield add(add(estimate(c.iterRange()), estimate(c.accuInit())), add(multiply(size, perElement), estimate(c.result())));
            }
        };
    }

    private static long add(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    private static long multiply(long a, long b) {
        return b != 0 && a > Long.MAX_VALUE / b ? Long.MAX_VALUE : a * b;
    }
}
