package dev.kubeward.infra.testing;

/** A server that {@link TestInfrastructure} provided, how to reach it and how to let it go at JVM exit. */
record Running<T>(T connection, InfrastructureSource source, AutoCloseable stop) {
}
