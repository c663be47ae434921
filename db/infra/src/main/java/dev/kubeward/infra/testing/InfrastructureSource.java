package dev.kubeward.infra.testing;

/** Where {@link TestInfrastructure} found its PostgreSQL or Kafka, in order of preference. */
public enum InfrastructureSource {
    /** Servers someone runs for us, named by environment variables (CI services, a developer's compose stack). */
    EXTERNAL,
    /** Containers started through a Docker engine that answers. */
    TESTCONTAINERS,
    /** In this JVM: zonky PostgreSQL as a child process and an in-process KRaft broker, data in a temporary directory. */
    EMBEDDED
}
