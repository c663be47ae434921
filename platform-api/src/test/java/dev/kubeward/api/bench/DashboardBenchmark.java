package dev.kubeward.api.bench;

import dev.kubeward.api.KubewardApplication;
import dev.kubeward.api.seed.LoadSeeder;
import dev.kubeward.api.seed.SeedPlan;
import dev.kubeward.api.tenant.ProvisioningUserServices;
import dev.kubeward.infra.postgres.EmbeddedPostgresServer;
import dev.kubeward.infra.postgres.PostgresConnection;
import dev.kubeward.infra.testing.TestInfrastructure;
import jakarta.servlet.Filter;
import org.flywaydb.core.Flyway;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark, not a test (never run by {@code mvn verify}): the dashboard pages at 500 clusters / 3M findings.
 *
 * <p>Starts an embedded PostgreSQL (not durable) on {@code -Dbench.dir} (default {@code /tmp/kw-dashboard-bench}),
 * migrates it and, on the first run only, fills it with {@link LoadSeeder} ({@code -Dbench.clusters=500
 * -Dbench.findings=3000000}, 14 days; a marker file in the directory skips seeding on later runs). Then starts the
 * platform on it (embedded Kafka from {@link TestInfrastructure}, no demo, built-in OIDC provider), adds a viewer
 * of the seeded tenant, signs in over HTTP through the built-in provider as a browser does (session cookie), warms
 * up and requests every page {@code -Dbench.n=200} times, one request at a time. Server-side latency is measured by
 * a servlet filter in front of every other filter (security, tenant, controller, queries, Thymeleaf rendering of the
 * whole body); the loopback round trip is reported next to it.
 *
 * <p>Run from {@code platform-api} (the migrations are read from {@code ../db/persistence}):
 * <pre>
 * mvn -q -o -pl platform-api test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * cd platform-api && java -Xmx2g -cp target/test-classes:target/classes:$(cat /tmp/cp.txt) dev.kubeward.api.bench.DashboardBenchmark
 * </pre>
 */
public final class DashboardBenchmark {

    private static final Map<String, List<Long>> SERVER_NANOS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final String USER = "bench-viewer";
    private static final String PASSWORD = "bench-password";

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(System.getProperty("bench.dir", "/tmp/kw-dashboard-bench"));
        int clusters = Integer.getInteger("bench.clusters", 500);
        int findings = Integer.getInteger("bench.findings", 3_000_000);
        int n = Integer.getInteger("bench.n", 200);
        int warmup = Integer.getInteger("bench.warmup", 30);
        String migrations = "filesystem:" + Path.of("../db/persistence/src/main/resources/db/migration").toAbsolutePath().normalize();
        EmbeddedPostgresServer.Builder pgb = EmbeddedPostgresServer.builder(dir.resolve("pg")).durable(false)
                .startupTimeout(Duration.ofMinutes(2));
        String slowMs = System.getProperty("bench.pgSlowMs");
        if (slowMs != null) {
            // statements slower than this go to <bench.dir>/pg/log/, to find what to EXPLAIN ANALYZE
            pgb.serverConfig("logging_collector", "on").serverConfig("log_directory", "log")
                    .serverConfig("log_min_duration_statement", slowMs);
        }
        EmbeddedPostgresServer pg = pgb.start();
        ConfigurableApplicationContext app = null;
        try {
            PostgresConnection db = pg.ensureDatabase("kubeward");
            Flyway.configure().dataSource(db.dataSource()).locations(migrations).load().migrate();
            JdbcTemplate owner = new JdbcTemplate(db.dataSource());
            Path marker = dir.resolve("seeded-" + clusters + "-" + findings);
            if (!Files.exists(marker)) {
                long t0 = System.nanoTime();
                LoadSeeder.Result r = LoadSeeder.seed(db.dataSource(), new SeedPlan("load", clusters, findings, 14, 42));
                System.out.printf("seeded tenant %s: %d clusters, %d findings in %d s%n", r.tenantId(), r.clusterIds().size(),
                        r.findings(), (System.nanoTime() - t0) / 1_000_000_000L);
                Files.writeString(marker, r.tenantId().toString());
            }
            if (Boolean.getBoolean("bench.seedOnly")) return;
            UUID tenant = UUID.fromString(Files.readString(marker).trim());
            owner.execute("ANALYZE");
            viewer(owner, tenant);

            Map<String, Object> props = new LinkedHashMap<>();
            props.put("server.port", "0");
            props.put("spring.datasource.url", db.jdbcUrl());
            props.put("spring.datasource.username", db.username());
            props.put("spring.datasource.password", db.password());
            props.put("spring.flyway.locations", migrations);
            props.put("spring.kafka.bootstrap-servers", TestInfrastructure.kafka().bootstrapServers());
            props.put("kubeward.embedded", "false");
            props.put("kubeward.embedded.active", "false");
            props.put("kubeward.demo.enabled", "false");
            props.put("kubeward.secrets.key", "a3ViZXdhcmQtdGVzdC1zZWNyZXRzLWtleS0zMmJ5dGU=");
            props.put("kubeward.identity.builtin.enabled", "true");
            props.put("kubeward.data-dir", Files.createTempDirectory("kw-bench-data-").toString());
            props.put("logging.level.root", "WARN");
            // first, as the tests' initializer does: default properties would lose to application.yml
            app = new SpringApplicationBuilder(KubewardApplication.class)
                    .initializers(ctx -> {
                        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("dashboard-benchmark", props));
                        ((GenericApplicationContext) ctx).registerBean("benchTimingFilter", FilterRegistrationBean.class,
                                DashboardBenchmark::timingFilter);
                    })
                    .run();
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            String base = "http://127.0.0.1:" + port;

            Map<String, String> pages = pages(owner, tenant);
            HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                    .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
            signIn(http, base);

            System.out.printf("%n%d clusters, %s findings (%s open); %d cores, JVM max heap %d MB; n=%d after %d warm-ups per page%n",
                    owner.queryForObject("SELECT count(*) FROM clusters WHERE tenant_id = ?", Long.class, tenant),
                    owner.queryForObject("SELECT count(*) FROM findings WHERE tenant_id = ?", Long.class, tenant),
                    owner.queryForObject("SELECT count(*) FROM findings WHERE tenant_id = ? AND status = 'open'", Long.class, tenant),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, n, warmup);
            for (var page : pages.entrySet()) {
                for (int i = 0; i < warmup; i++) get(http, base + page.getValue());
            }
            System.out.printf("%-10s %-62s %8s %8s %8s %8s | %8s %8s  %s%n", "page", "path", "p50 ms", "p95 ms", "p99 ms", "max ms",
                    "rt p50", "rt p95", "bytes");
            for (var page : pages.entrySet()) {
                String path = page.getValue();
                SERVER_NANOS.clear();
                long[] rt = new long[n];
                int bytes = 0;
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    bytes = get(http, base + path).length();
                    rt[i] = System.nanoTime() - t0;
                }
                long[] server = SERVER_NANOS.get(path).stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(server);
                Arrays.sort(rt);
                System.out.printf("%-10s %-62s %8.1f %8.1f %8.1f %8.1f | %8.1f %8.1f  %d%n", page.getKey(),
                        path.length() > 62 ? path.substring(0, 59) + "..." : path,
                        ms(pct(server, 50)), ms(pct(server, 95)), ms(pct(server, 99)), ms(server[server.length - 1]),
                        ms(pct(rt, 50)), ms(pct(rt, 95)), bytes);
            }
        } finally {
            if (app != null) app.close();
            pg.close();
            System.exit(0);
        }
    }

    /** The pages of the "done when": overview, a big cluster, NSA, the control failing most, the findings list. */
    static Map<String, String> pages(JdbcTemplate owner, UUID tenant) {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/overview");
        UUID cluster = owner.queryForObject("""
                SELECT cluster_id FROM findings WHERE tenant_id = ? AND status = 'open'
                 GROUP BY cluster_id ORDER BY count(*) DESC LIMIT 1""", UUID.class, tenant);
        pages.put("cluster", "/clusters/" + cluster);
        pages.put("framework", "/frameworks/NSA");
        String control = owner.queryForObject("""
                SELECT control_id FROM findings WHERE tenant_id = ? AND status = 'open'
                 GROUP BY control_id ORDER BY count(*) DESC LIMIT 1""", String.class, tenant);
        pages.put("control", "/controls/" + control);
        pages.put("findings", "/findings");
        for (String extra : System.getProperty("bench.extra", "").split(",")) {
            if (!extra.isBlank()) pages.put(extra.substring(0, Math.min(10, extra.length())), extra.trim());
        }
        return pages;
    }

    /** A built-in-provider viewer of the seeded tenant (idempotent). */
    static void viewer(JdbcTemplate owner, UUID tenant) {
        owner.update("DELETE FROM memberships WHERE user_id IN (SELECT id FROM users WHERE issuer = ? AND subject = ?)",
                ProvisioningUserServices.BUILTIN_ISSUER, USER);
        owner.update("DELETE FROM users WHERE issuer = ? AND subject = ?", ProvisioningUserServices.BUILTIN_ISSUER, USER);
        owner.update("DELETE FROM local_accounts WHERE username = ?", USER);
        String email = USER + "@example.test";
        UUID user = UUID.randomUUID();
        owner.update("INSERT INTO local_accounts (username, password_hash, email, display_name) VALUES (?, ?, ?, ?)",
                USER, new BCryptPasswordEncoder(4).encode(PASSWORD), email, "Benchmark viewer");
        owner.update("INSERT INTO users (id, issuer, subject, email, display_name) VALUES (?, ?, ?, ?, ?)",
                user, ProvisioningUserServices.BUILTIN_ISSUER, USER, email, "Benchmark viewer");
        owner.update("INSERT INTO memberships (tenant_id, user_id, role) VALUES (?, ?, 'viewer')", tenant, user);
    }

    /** The browser's sign-in: the app sends us to the built-in provider, we post its login form, it redirects back. */
    static void signIn(HttpClient http, String base) throws Exception {
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/authorization/builtin")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*?value=\"([^\"]+)\"").matcher(login.body());
        if (!csrf.find()) throw new IllegalStateException("no login form at " + login.uri() + ": " + login.statusCode());
        String form = "username=" + enc(USER) + "&password=" + enc(PASSWORD) + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || home.uri().getPath().startsWith("/auth") || home.uri().getPath().startsWith("/login")) {
            throw new IllegalStateException("sign-in failed: " + home.statusCode() + " at " + home.uri());
        }
        System.out.println("signed in as " + USER + ", landed on " + home.uri().getPath());
    }

    static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200 || !r.uri().toString().equals(url)) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + " at " + r.uri());
        }
        return r.body();
    }

    static FilterRegistrationBean<Filter> timingFilter() {
        Filter f = (req, res, chain) -> {
            long t0 = System.nanoTime();
            try {
                chain.doFilter(req, res);
                res.flushBuffer();
            } finally {
                String uri = ((jakarta.servlet.http.HttpServletRequest) req).getRequestURI();
                SERVER_NANOS.computeIfAbsent(uri, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(System.nanoTime() - t0);
            }
        };
        FilterRegistrationBean<Filter> bean = new FilterRegistrationBean<>(f);
        bean.setOrder(Ordered.HIGHEST_PRECEDENCE);
        bean.addUrlPatterns("/*");
        return bean;
    }

    static long pct(long[] sorted, int p) {
        return sorted[Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }

    static double ms(long nanos) {
        return nanos / 1e6;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
