package dev.kubeward.engine.rules.controlplane;

/** Whether a bind address keeps a listener on the node itself. */
final class Addresses {

    private Addresses() {
    }

    /**
     * True for an IPv4 loopback ({@code 127.0.0.0/8}), {@code ::1} or {@code localhost}. An empty host, {@code 0.0.0.0}
     * and {@code ::} mean every interface.
     */
    static boolean isLoopback(String host) {
        String h = host.strip().toLowerCase();
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1") || h.startsWith("127.");
    }

    /**
     * The host of {@code host:port}, {@code [v6]:port}, a bare host, or a CIDR ({@code 127.0.0.0/8}, which newer
     * kube-proxy versions accept): the part that says which interfaces are used.
     */
    static String hostOf(String address) {
        String a = address.strip();
        int slash = a.indexOf('/');
        if (slash >= 0) return a.substring(0, slash);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? a : a.substring(0, end + 1);
        }
        int colon = a.indexOf(':');
        // More than one colon without brackets is a bare IPv6 address, not host:port.
        if (colon >= 0 && colon == a.lastIndexOf(':')) return a.substring(0, colon);
        return a;
    }
}
