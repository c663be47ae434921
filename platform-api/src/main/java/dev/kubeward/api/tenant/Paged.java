package dev.kubeward.api.tenant;

import java.util.List;

/** A page of a list as the API returns it: the items, which page, its size, and the total. */
public record Paged<T>(List<T> items, int page, int size, long total) {

    /** Pages an in-memory list (small lists: users, tokens, invitations). */
    public static <T> Paged<T> of(List<T> all, int page, int size) {
        int p = Math.max(0, page);
        int s = Math.min(Math.max(1, size), 500);
        int from = (int) Math.min((long) p * s, all.size());
        return new Paged<>(all.subList(from, Math.min(from + s, all.size())), p, s, all.size());
    }
}
