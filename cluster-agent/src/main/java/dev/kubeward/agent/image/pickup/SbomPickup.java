package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kubeward.agent.image.AnalysedDigests;
import dev.kubeward.agent.image.pickup.ReportClient.Listed;
import dev.kubeward.agent.image.pickup.ReportClient.Listing;
import dev.kubeward.agent.image.sbom.CycloneDxWriter;
import dev.kubeward.agent.image.sbom.CycloneDxWriter.Property;
import dev.kubeward.agent.image.sbom.SbomSender;
import dev.kubeward.agent.publish.PublishException;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Sends the SBOMs other tools already made in the cluster (Trivy Operator, Kubescape; see {@link ReportKind}),
 * one per image digest, through the same {@link SbomSender} and {@link AnalysedDigests} as the agent's own image
 * analysis: a digest analysed or picked up before is never sent again, whoever sent it.
 *
 * <p>A pass lists every kind (metadata only) and fetches only reports it has not handled at their current
 * {@code resourceVersion}, and none whose listed digest was sent: in a steady cluster a pass is a few list
 * requests. A kind whose CRD is absent has nothing to pick up; a report that cannot become an SBOM (no digest,
 * broken components, over a limit) is skipped with the reason and not read again until it changes; one that
 * could not be read or sent now is tried again in the next pass. No report stops the others.
 */
public final class SbomPickup implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SbomPickup.class);
    private static final int HANDLED_REMEMBERED = 50_000;

    /** What one pass did: SBOMs sent, reports skipped for good (until they change), reports to try again. */
    public record Pass(int sent, int skipped, int retry) {
    }

    private enum Outcome { SENT, SKIPPED, RETRY, NOTHING }

    private final ReportClient reports;
    private final SbomSender sender;
    private final AnalysedDigests sent;
    private final PickupLimits limits;
    private final CycloneDxWriter writer = new CycloneDxWriter();
    /** {@code kind/namespace/name} to the resourceVersion handled; bounded, the oldest forgotten first. */
    private final Map<String, String> handled = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > HANDLED_REMEMBERED;
        }
    };
    /** Why each kind could not be listed last time ("" when it could): a state is logged when it changes, not every pass. */
    private final Map<ReportKind, String> listState = new EnumMap<>(ReportKind.class);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "kubeward-sbom-pickup");
        t.setDaemon(true);
        return t;
    });

    public SbomPickup(KubernetesClient client, int pageSize, SbomSender sender, AnalysedDigests sent, PickupLimits limits) {
        this.reports = new ReportClient(client, pageSize, limits.maxReportBytes());
        this.sender = sender;
        this.sent = sent;
        this.limits = limits;
    }

    /** A pass now and then every {@code every}, on a thread of its own. */
    public void start(Duration every) {
        timer.scheduleWithFixedDelay(this::runQuietly, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        log.info("SBOM pick-up on: Trivy Operator and Kubescape reports read every {}", every);
    }

    /** One pass over every kind; called by the timer thread only (or by tests, which do not start it). */
    public Pass runOnce() {
        int[] counts = new int[Outcome.values().length];
        for (ReportKind kind : ReportKind.values()) {
            Listing listing = reports.list(kind);
            logListState(kind, listing);
            for (Listed report : listing.reports()) counts[pickUp(kind, report).ordinal()]++;
        }
        Pass pass = new Pass(counts[Outcome.SENT.ordinal()], counts[Outcome.SKIPPED.ordinal()], counts[Outcome.RETRY.ordinal()]);
        if (pass.sent() + pass.skipped() + pass.retry() > 0) {
            log.info("SBOM pick-up: {} sent, {} skipped, {} to try again", pass.sent(), pass.skipped(), pass.retry());
        }
        return pass;
    }

    private Outcome pickUp(ReportKind kind, Listed report) {
        String key = kind.name() + "/" + report.label();
        if (report.resourceVersion().equals(handled.get(key))) return Outcome.NOTHING;
        String label = kind.kind() + " " + report.label();
        String listedDigest = kind.format().listedDigest(report.metadata());
        if (listedDigest != null && sent.contains(listedDigest)) return done(key, report, Outcome.NOTHING);
        PickedSbom picked;
        try {
            JsonNode object = reports.get(kind, report);
            if (object == null) return Outcome.NOTHING; // deleted since listed
            picked = kind.format().read(object);
        } catch (StreamConstraintsException e) {
            long limit = limits.maxReportBytes();
            log.warn("{} skipped: larger than {}", label, limit % (1024 * 1024) == 0 ? limit / (1024 * 1024) + " MiB" : limit + " bytes");
            return done(key, report, Outcome.SKIPPED);
        } catch (MalformedReport e) {
            log.warn("{} skipped: {}", label, e.getMessage());
            return done(key, report, Outcome.SKIPPED);
        } catch (IOException e) {
            log.warn("{} not read ({}); next pass tries again", label, e.getMessage());
            return Outcome.RETRY;
        }
        if (sent.contains(picked.digest())) return done(key, report, Outcome.NOTHING);
        int packages = picked.components().size();
        if (packages > limits.maxComponents()) {
            log.warn("{} skipped: {} packages, more than the limit of {}", label, packages, limits.maxComponents());
            return done(key, report, Outcome.SKIPPED);
        }
        if (packages == 0) {
            // nothing to match, and sending it would keep the agent's own analysis from this digest
            log.debug("{} names no package with a purl; nothing sent", label);
            return done(key, report, Outcome.NOTHING);
        }
        List<Property> provenance = List.of(new Property("kubeward:source", kind.tool()), new Property("kubeward:source-report", label));
        byte[] document = writer.write(new CycloneDxWriter.Subject(picked.image(), picked.digest(), null, null, picked.os()), provenance,
                picked.components());
        try {
            sender.send(picked.digest(), document);
        } catch (PublishException e) {
            log.warn("{}: the SBOM of {} was not sent: {}", label, picked.digest(), e.getMessage());
            if (!e.permanent()) return Outcome.RETRY;
            log.error("the platform refuses this agent's SBOMs; check the cluster id and secret");
            return done(key, report, Outcome.SKIPPED);
        }
        sent.remember(picked.digest());
        log.info("{}: SBOM of {} ({}, {} packages) sent", label, picked.digest(), picked.image(), packages);
        return done(key, report, Outcome.SENT);
    }

    private Outcome done(String key, Listed report, Outcome outcome) {
        handled.put(key, report.resourceVersion());
        return outcome;
    }

    private void logListState(ReportKind kind, Listing listing) {
        String state = listing.absent() ? "absent" : Objects.requireNonNullElse(listing.problem(), "");
        if (state.equals(listState.put(kind, state))) return;
        String what = kind.group() + "/" + kind.resource();
        if (listing.absent()) log.debug("{} not served by this cluster (its CRD is not installed): nothing to pick up", what);
        else if (!state.isEmpty()) log.warn("{} cannot be listed ({}); next pass tries again", what, state);
    }

    private void runQuietly() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            // pick-up is a side line: a bad pass never stops the next one, nor the agent
            log.warn("SBOM pick-up pass failed: {}", e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
