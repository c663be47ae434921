package dev.kubeward.engine.vuln;

import dev.kubeward.engine.vuln.osv.Advisory;
import dev.kubeward.engine.vuln.osv.AdvisoryIndex;
import dev.kubeward.engine.vuln.osv.AffectedPackage;
import dev.kubeward.engine.vuln.osv.Range;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Matching throughput without JMH: builds synthetic advisories across all ecosystems, an SBOM of packages drawn from
 * the same names, and prints the median time to match the SBOM over several runs. Run from the test classpath:
 * {@code java -cp target/classes:target/test-classes:<jackson> dev.kubeward.engine.vuln.MatchBench [advisories]
 * [packages] [runs]}.
 */
public final class MatchBench {

    private MatchBench() {
    }

    public static void main(String[] args) {
        int advisories = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int packages = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Result r = run(advisories, packages, runs, 42);
        System.out.printf("advisories=%d packages=%d index build=%d ms matches=%d median match=%.1f ms (runs: %s)%n",
                advisories, packages, r.buildMillis, r.matches, r.medianMillis, Arrays.toString(r.runMillis));
    }

    /** The outcome of one benchmark. */
    public record Result(long buildMillis, int matches, double medianMillis, double[] runMillis) { }

    public static Result run(int advisoryCount, int packageCount, int runs, long seed) {
        Random random = new Random(seed);
        Ecosystem[] ecosystems = Ecosystem.values();
        int namesPerEcosystem = Math.max(1, advisoryCount / ecosystems.length / 8); // ~8 advisories per package name
        List<Advisory> advisories = new ArrayList<>(advisoryCount);
        for (int i = 0; i < advisoryCount; i++) {
            Ecosystem e = ecosystems[i % ecosystems.length];
            String name = name(e, random.nextInt(namesPerEcosystem));
            int major = 1 + random.nextInt(5);
            int fixedMinor = 1 + random.nextInt(20);
            Range range = new Range(Range.Type.ECOSYSTEM, List.of(
                    new Range.Event(Range.Kind.INTRODUCED, version(e, major, 0, 0)),
                    new Range.Event(Range.Kind.FIXED, version(e, major, fixedMinor, 0))));
            advisories.add(new Advisory("SYN-" + i, "", List.of("CVE-2099-" + i), "",
                    List.of(new AffectedPackage(e, release(e), name, null, List.of(range), List.of())), null, null));
        }
        long t0 = System.nanoTime();
        AdvisoryIndex index = AdvisoryIndex.build(advisories);
        long buildMillis = (System.nanoTime() - t0) / 1_000_000;

        List<PackageRef> sbom = new ArrayList<>(packageCount);
        for (int i = 0; i < packageCount; i++) {
            Ecosystem e = ecosystems[i % ecosystems.length];
            // half of the names exist in the advisory set, as in a real image where most packages have no advisory
            int n = random.nextBoolean() ? random.nextInt(namesPerEcosystem) : namesPerEcosystem + i;
            sbom.add(new PackageRef(e, name(e, n), version(e, 1 + random.nextInt(5), random.nextInt(25), 3),
                    release(e)));
        }
        double[] millis = new double[runs];
        int matches = 0;
        for (int run = 0; run < runs; run++) {
            long start = System.nanoTime();
            int found = 0;
            for (PackageRef p : sbom) {
                found += index.match(p).size();
            }
            millis[run] = (System.nanoTime() - start) / 1e6;
            matches = found;
        }
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return new Result(buildMillis, matches, sorted[runs / 2], millis);
    }

    private static String name(Ecosystem e, int n) {
        return switch (e) {
            case MAVEN -> "org.example.g" + (n % 97) + ":artifact-" + n;
            case NPM -> (n % 3 == 0 ? "@scope" + (n % 11) + "/" : "") + "pkg-" + n;
            case GO -> "github.com/org" + (n % 53) + "/mod" + n;
            case PYPI -> "Py_Package." + n;
            default -> "lib" + n;
        };
    }

    private static String release(Ecosystem e) {
        return switch (e) {
            case DEBIAN -> "12";
            case UBUNTU -> "22.04";
            case ALPINE -> "3.18";
            case RED_HAT -> "9";
            default -> "";
        };
    }

    private static String version(Ecosystem e, int major, int minor, int patch) {
        return switch (e) {
            case DEBIAN, UBUNTU -> major + "." + minor + "." + patch + "-1";
            case ALPINE -> major + "." + minor + "." + patch + "-r0";
            case RED_HAT -> major + "." + minor + "." + patch + "-1.el9";
            case GO -> "v" + major + "." + minor + "." + patch;
            default -> major + "." + minor + "." + patch;
        };
    }
}
