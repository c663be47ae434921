package dev.kubeward.api.seed;

import org.postgresql.ds.PGSimpleDataSource;

import java.util.HashMap;
import java.util.Map;

/**
 * Command line for {@link LoadSeeder}, e.g. for the 500 clusters / 3M findings benchmark:
 * <pre>
 * java -cp platform-api/target/kubeward.jar -Dloader.main=dev.kubeward.api.seed.LoadSeed \
 *   org.springframework.boot.loader.launch.PropertiesLauncher \
 *   --url jdbc:postgresql://localhost:5432/kubeward --user kubeward --password secret \
 *   --tenant load --clusters 500 --findings 3000000 --days 14
 * </pre>
 * Connect as the schema owner (the migrations' user): generated rows bypass row-level security.
 */
public final class LoadSeed {

    private LoadSeed() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(a.getOrDefault("url", "jdbc:postgresql://localhost:5432/kubeward"));
        ds.setUser(a.getOrDefault("user", "kubeward"));
        ds.setPassword(a.getOrDefault("password", ""));
        SeedPlan plan = new SeedPlan(a.getOrDefault("tenant", "load"), Integer.parseInt(a.getOrDefault("clusters", "500")),
                Integer.parseInt(a.getOrDefault("findings", "3000000")), Integer.parseInt(a.getOrDefault("days", "14")),
                Long.parseLong(a.getOrDefault("seed", "42")));
        long start = System.nanoTime();
        LoadSeeder.Result r = LoadSeeder.seed(ds, plan);
        System.out.printf("tenant %s: %d clusters, %d findings in %d s%n", r.tenantId(), r.clusterIds().size(), r.findings(),
                (System.nanoTime() - start) / 1_000_000_000L);
    }
}
