package dev.kubeward.api.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a small list, with the total: {@code {items, page, size, total}}; pages count from 0. */
@Schema(description = "A page of a list: items, zero-based page number, page size and the total number of items")
public record PageResult<T>(List<T> items, int page, int size, long total) {

    public <R> PageResult<R> map(Function<T, R> f) {
        return new PageResult<>(items.stream().map(f).toList(), page, size, total);
    }
}
