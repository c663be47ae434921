package dev.kubeward.api.query;

/** Checks page and size parameters once for every paged list. */
public final class Paging {

    public static final int MAX_SIZE = 500;

    private Paging() {
    }

    public static void check(int page, int size) {
        if (page < 0) throw new BadRequestException("page must be >= 0");
        if (size < 1 || size > MAX_SIZE) throw new BadRequestException("size must be between 1 and " + MAX_SIZE);
    }

    public static long offset(int page, int size) {
        return (long) page * size;
    }
}
