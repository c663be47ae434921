package dev.kubeward.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser without a browser: signs in through the real OIDC authorization-code flow of the built-in provider
 * (UI → provider's sign-in form with its CSRF token → authorization code → token exchange → session) over plain
 * HTTP, then requests pages with that session cookie, as a browser would. Redirects are followed by hand so a test
 * sees every status. The provider and the UI are one application on one port, so one cookie jar serves both.
 */
public final class SessionClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** One response; {@code location} is the redirect target, if any. */
    public record Page(int status, String body, HttpHeaders headers) {
        public String location() {
            return headers.firstValue("Location").orElse(null);
        }
    }

    private SessionClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Signs in as a built-in-provider account; fails unless the flow ends in a signed-in session. */
    public static SessionClient signIn(int port, String username, String password) {
        SessionClient c = new SessionClient(port);
        Page landed = c.signInFlow(username, password);
        if (landed.status() != 200) throw new IllegalStateException("sign-in of " + username + " ended in " + landed.status() + " at " + landed.location());
        return c;
    }

    /**
     * Runs the flow and returns the page it lands on after the last redirect, whatever it is (the clusters page, or the
     * "no tenant" page for a person who is a member of none).
     */
    public static Page signInLanding(int port, String username, String password) {
        return new SessionClient(port).signInFlow(username, password);
    }

    private Page signInFlow(String username, String password) {
        // start where a browser would, at a page; the UI's saved request brings the session back to it after sign-in
        Page p = follow(get("/clusters"));
        if (!p.body().contains("name=\"username\"")) throw new IllegalStateException("no provider sign-in form: " + p.status() + " " + p.body());
        String form = "username=" + enc(username) + "&password=" + enc(password) + "&_csrf=" + enc(csrfOf(p.body()));
        Page posted = send("POST", "/login", "application/x-www-form-urlencoded", form);
        // the provider's sign-in form is rate limited per address; other tests in this JVM may have used the budget up
        for (int i = 0; posted.status() == 429 && i < 20; i++) {
            sleep(Long.parseLong(posted.headers().firstValue("Retry-After").orElse("3")));
            posted = send("POST", "/login", "application/x-www-form-urlencoded", form);
        }
        return follow(posted);
    }

    public Page get(String path) {
        return send("GET", path, null, null);
    }

    /** A form POST with this session's CSRF token (taken from a page with a form, as the browser would). */
    public Page postForm(String path, Map<String, String> fields) {
        Map<String, String> withToken = new LinkedHashMap<>(fields);
        withToken.put("_csrf", csrfToken());
        return postFormWithoutCsrf(path, withToken);
    }

    /** A form POST exactly as given: no CSRF token is added. */
    public Page postFormWithoutCsrf(String path, Map<String, String> fields) {
        return send("POST", path, "application/x-www-form-urlencoded",
                fields.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&")));
    }

    /** A CSRF token of this session, from the page layout's sign-out form. */
    public String csrfToken() {
        Page p = get("/clusters");
        if (p.status() != 200) throw new IllegalStateException("cannot read a CSRF token: /clusters answered " + p.status());
        return csrfOf(p.body());
    }

    /** Follows redirects (at most 10) and returns the last response. */
    public Page follow(Page p) {
        for (int i = 0; i < 10 && p.status() / 100 == 3 && p.location() != null; i++) p = get(p.location());
        return p;
    }

    public byte[] bytes(String path) {
        return exchange("GET", path, null, HttpRequest.BodyPublishers.noBody(), HttpResponse.BodyHandlers.ofByteArray()).body();
    }

    public Page send(String method, String pathOrUrl, String contentType, String body) {
        HttpResponse<String> r = exchange(method, pathOrUrl, contentType,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body), HttpResponse.BodyHandlers.ofString());
        return new Page(r.statusCode(), r.body(), r.headers());
    }

    private <T> HttpResponse<T> exchange(String method, String pathOrUrl, String contentType, HttpRequest.BodyPublisher body,
                                         HttpResponse.BodyHandler<T> handler) {
        URI uri = URI.create(pathOrUrl.startsWith("http") ? pathOrUrl : base + pathOrUrl);
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).method(method, body).header("Accept", "text/html,application/json,*/*");
        if (contentType != null) b.header("Content-Type", contentType);
        if (!cookies.isEmpty()) b.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; ")));
        try {
            HttpResponse<T> r = http.send(b.build(), handler);
            remember(r.headers().allValues("Set-Cookie"));
            System.err.println("TRACE " + method + " " + uri + " -> " + r.statusCode() + " " + r.headers().firstValue("Location").orElse("") + " " + r.headers().allValues("Set-Cookie"));
            return r;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void remember(List<String> setCookies) {
        for (String c : setCookies) {
            String pair = c.split(";", 2)[0];
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            String name = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (value.isEmpty() || c.toLowerCase().contains("max-age=0")) cookies.remove(name);
            else cookies.put(name, value);
        }
    }

    static String csrfOf(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) throw new IllegalStateException("no _csrf field in the page");
        return (m.group(1) != null ? m.group(1) : m.group(2)).replace("&#45;", "-");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void sleep(long seconds) {
        try {
            Thread.sleep(seconds * 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
