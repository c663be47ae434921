package dev.kubeward.agent.collect;

import dev.kubeward.agent.publish.ChunkPublisher;
import dev.kubeward.agent.snapshot.SnapshotSender;
import dev.kubeward.contract.ClusterMetadata;
import dev.kubeward.contract.SnapshotChunker.EncodedChunk;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.util.HashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Memory measurement, not a test: collects ~10k objects from the mock API server (in this same JVM, so its
 * store counts against the heap too) and sends them through the chunker to a publisher that discards.
 * Run with {@code -Xmx256m}; prints heap used before, peak heap used during, and the peak's increase.
 */
public final class CollectMemoryProbe {

    public static void main(String[] args) throws Exception {
        int namespaces = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int pods = args.length > 1 ? Integer.parseInt(args[1]) : 220;
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), new PagingCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            ClusterFixture.registerCustomKinds(server);
            var objects = new ClusterFixture(namespaces, pods).objects();
            int loaded = objects.size();
            ClusterFixture.load(client, objects);
            objects = null;
            while (server.takeRequest(10, TimeUnit.MILLISECONDS) != null) {
                // the mock records every request with its body: drop them, they are not the agent's
            }
            long before = settledHeap();
            AtomicLong peak = new AtomicLong();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            AtomicLong bytes = new AtomicLong();
            ChunkPublisher discard = new ChunkPublisher() {
                public void publish(EncodedChunk chunk) {
                    bytes.addAndGet(chunk.bytes().length);
                }
                public void flush() {
                }
                public void close() {
                }
            };
            KubernetesApiSource source = new KubernetesApiSource(client, KubernetesApiSource.DEFAULT_PAGE_SIZE);
            long t0 = System.nanoTime();
            ClusterMetadata cluster = source.clusterMetadata();
            SnapshotSender.Sent sent = new SnapshotSender("probe", discard).send(source, cluster, Instant.now());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            sampler.interrupt();
            sampler.join();
            long max = Runtime.getRuntime().maxMemory();
            System.out.printf("objects loaded %d, sent %d in %d chunks (%d KiB compressed), %d API requests, %d ms%n",
                    loaded, sent.objects(), sent.chunks(), bytes.get() / 1024, source.lastReport().requests(), millis);
            System.out.printf("max heap %d MiB; heap used before collecting (mock server's store included) %d MiB; peak heap used while collecting %d MiB; peak increase %d MiB%n",
                    mib(max), mib(before), mib(peak.get()), mib(peak.get() - before));
        } finally {
            server.destroy();
        }
    }

    private static long settledHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return usedHeap();
    }

    private static long usedHeap() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
        }
        return used;
    }

    private static long mib(long bytes) {
        return bytes / (1024 * 1024);
    }
}
