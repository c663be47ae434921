package dev.kubeward.agent.collect;

/** A list the snapshot cannot do without failed for good (expired continue token, retries exhausted): the snapshot is dropped. */
public class KubernetesListException extends RuntimeException {

    public KubernetesListException(String message) {
        super(message);
    }
}
