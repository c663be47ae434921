package dev.kubeward.agent.collect;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ListOptionsBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches the {@link KindSpec#watched() watched} kinds and reports that something changed; the snapshot
 * loop debounces. Plain watches starting at the current resource version, not informers: an informer keeps
 * a copy of every object, which is what the agent's bounded memory rules out.
 *
 * <p>NB: a status-only update (a Deployment's replica counts moving) does not count as a change: each
 * object's fingerprint (labels, annotations and everything but {@code status}) is remembered by uid, and
 * only a different fingerprint is reported. High-churn kinds (Pods, ReplicaSets, Jobs) and Secrets are not
 * watched; the schedule picks them up.
 */
public final class ChangeWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ChangeWatcher.class);
    private static final int MAX_FINGERPRINTS = 200_000;

    private final KubernetesClient client;
    private final List<KindSpec> kinds;
    private final Runnable onChange;
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> fingerprints = new ConcurrentHashMap<>();
    private final ScheduledExecutorService restarts = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubeward-watch-restart");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean closed;

    public ChangeWatcher(KubernetesClient client, Runnable onChange) {
        this(client, KubernetesKinds.ALL.stream().filter(KindSpec::watched).toList(), onChange);
    }

    ChangeWatcher(KubernetesClient client, List<KindSpec> kinds, Runnable onChange) {
        this.client = client;
        this.kinds = List.copyOf(kinds);
        this.onChange = onChange;
    }

    /** Starts a watch per kind the server serves and RBAC allows; returns how many run. */
    public int start() {
        int started = 0;
        for (KindSpec spec : kinds) {
            if (watch(spec)) started++;
        }
        log.info("watching {} of {} kinds for changes", started, kinds.size());
        return started;
    }

    private boolean watch(KindSpec spec) {
        for (String version : spec.versions()) {
            ResourceDefinitionContext context = new ResourceDefinitionContext.Builder().withGroup(spec.group()).withVersion(version)
                    .withPlural(spec.resource()).withKind(spec.kind()).withNamespaced(spec.namespaced()).build();
            try {
                var resources = client.genericKubernetesResources(context).inAnyNamespace();
                String resourceVersion = resources.list(new ListOptionsBuilder().withLimit(1L).build()).getMetadata().getResourceVersion();
                Watch w = resources.watch(new ListOptionsBuilder().withResourceVersion(resourceVersion).withAllowWatchBookmarks(true).build(),
                        new KindWatcher(spec));
                watches.add(w);
                return true;
            } catch (KubernetesClientException e) {
                if (e.getCode() == 404) continue;
                log.info("not watching {}: {}", spec.label(), e.getCode() == 403 ? "forbidden" : e.getMessage());
                return false;
            }
        }
        log.debug("not watching {}: not served", spec.label());
        return false;
    }

    private final class KindWatcher implements Watcher<GenericKubernetesResource> {
        private final KindSpec spec;

        KindWatcher(KindSpec spec) {
            this.spec = spec;
        }

        @Override
        public void eventReceived(Action action, GenericKubernetesResource resource) {
            if (action == Action.BOOKMARK || action == Action.ERROR || resource == null || resource.getMetadata() == null) return;
            String uid = Objects.requireNonNullElse(resource.getMetadata().getUid(), spec.kind() + "/" + resource.getMetadata().getNamespace()
                    + "/" + resource.getMetadata().getName());
            if (action == Action.DELETED) {
                fingerprints.remove(uid);
                onChange.run();
                return;
            }
            int fingerprint = fingerprint(resource);
            if (fingerprints.size() > MAX_FINGERPRINTS) fingerprints.clear(); // bounded: worst case, one extra snapshot
            Integer before = fingerprints.put(uid, fingerprint);
            if (action == Action.ADDED || before == null || before != fingerprint) {
                log.debug("{} {} {}/{}", spec.kind(), action, resource.getMetadata().getNamespace(), resource.getMetadata().getName());
                onChange.run();
            }
        }

        @Override
        public void onClose(WatcherException cause) {
            if (closed) return;
            log.info("watch on {} closed ({}); restarting it, and a snapshot catches up what was missed", spec.label(), cause.getMessage());
            onChange.run();
            restarts.schedule(() -> {
                if (!closed) watch(spec);
            }, 5, TimeUnit.SECONDS);
        }
    }

    private static int fingerprint(GenericKubernetesResource r) {
        Map<String, Object> content = new HashMap<>(r.getAdditionalProperties());
        content.remove("status");
        return Objects.hash(r.getMetadata().getLabels(), r.getMetadata().getAnnotations(), content);
    }

    @Override
    public void close() {
        closed = true;
        restarts.shutdownNow();
        for (Watch w : watches) {
            try {
                w.close();
            } catch (RuntimeException e) {
                log.debug("closing a watch: {}", e.getMessage());
            }
        }
        watches.clear();
    }
}
