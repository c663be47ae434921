package dev.kubeward.worker.failure;

import dev.kubeward.contract.ChunkRejectedException;
import dev.kubeward.contract.Headers;
import dev.kubeward.contract.Topic;
import dev.kubeward.worker.WorkerProperties;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientException;

/**
 * How a failed chunk is handled. Three kinds of failure:
 * <ul>
 *   <li>the chunk's fault ({@link ChunkRejectedException}: bad signature, unknown cluster, undecodable,
 *       oversized, unknown schema, mismatched cluster) — dead-lettered at once, never retried;</li>
 *   <li>transient (database or broker unreachable, serialization failure, deadlock) — retried with
 *       exponential back-off and no limit: the chunk is fine, losing it would lose a snapshot;</li>
 *   <li>anything else (a bug) — retried a few times, then dead-lettered as {@code processing-failed}, so one
 *       poisonous record cannot stop its partition forever.</li>
 * </ul>
 * Dead-lettered records keep their key, value and headers and gain {@link Headers#REJECTION_CODE} and
 * {@link Headers#REJECTION_REASON}. The recovered offset is committed, so the partition moves on.
 */
public final class ChunkErrorHandling {

    public static final String PROCESSING_FAILED = "processing-failed";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ChunkErrorHandling.class);

    private ChunkErrorHandling() {
    }

    public static DefaultErrorHandler errorHandler(KafkaOperations<String, byte[]> kafka, WorkerProperties.Retry retry) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(kafka,
                // partition -1: let the producer partition by key, whatever the DLT's partition count
                (record, ex) -> new TopicPartition(Topic.INVENTORY_DEAD_LETTER.topicName(), -1));
        recoverer.setHeadersFunction((record, ex) -> {
            RecordHeaders headers = new RecordHeaders();
            headers.add(new RecordHeader(Headers.REJECTION_CODE, codeOf(ex).getBytes(StandardCharsets.UTF_8)));
            headers.add(new RecordHeader(Headers.REJECTION_REASON, reasonOf(ex).getBytes(StandardCharsets.UTF_8)));
            return headers;
        });
        ExponentialBackOff limited = backOff(retry);
        limited.setMaxAttempts(Math.max(0, retry.maxAttempts() - 1));
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, limited);
        handler.addNotRetryableExceptions(ChunkRejectedException.class);
        BackOff unlimited = backOff(retry);
        handler.setBackOffFunction((record, ex) -> isTransient(ex) ? unlimited : null);
        handler.setLogLevel(org.springframework.kafka.KafkaException.Level.WARN);
        handler.setRetryListeners((record, ex, attempt) -> log.warn("chunk {}-{}@{} failed (attempt {}, {}), retrying: {}",
                record.topic(), record.partition(), record.offset(), attempt, isTransient(ex) ? "transient" : "unexpected",
                rootCause(ex).toString()));
        return handler;
    }

    private static ExponentialBackOff backOff(WorkerProperties.Retry retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    /** The rejection code of a failure: the chunk's, or {@link #PROCESSING_FAILED}. */
    public static String codeOf(Throwable ex) {
        ChunkRejectedException rejected = find(ex, ChunkRejectedException.class);
        return rejected != null ? rejected.code() : PROCESSING_FAILED;
    }

    public static String reasonOf(Throwable ex) {
        ChunkRejectedException rejected = find(ex, ChunkRejectedException.class);
        Throwable cause = rejected != null ? rejected : rootCause(ex);
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return reason.length() > 1000 ? reason.substring(0, 1000) + "…" : reason;
    }

    /** Failures that go away by themselves: the database or broker is unreachable or asked us to retry. */
    public static boolean isTransient(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ChunkRejectedException) return false;
            if (t instanceof TransientDataAccessException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof CannotCreateTransactionException || t instanceof SQLTransientException
                    || t instanceof ConnectException || t instanceof org.apache.kafka.common.errors.RetriableException
                    || t instanceof org.apache.kafka.common.errors.TimeoutException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().equals("40001") || sql.getSQLState().equals("40P01")
                        || sql.getSQLState().equals("57P01") || sql.getSQLState().equals("53300"))) {
                return true; // connection failure, serialization failure, deadlock, admin shutdown, too many connections
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static <T extends Throwable> T find(Throwable ex, Class<T> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) return type.cast(t);
            if (t.getCause() == t) break;
        }
        return null;
    }

    private static Throwable rootCause(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }
}
