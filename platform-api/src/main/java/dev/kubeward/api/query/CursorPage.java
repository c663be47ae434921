package dev.kubeward.api.query;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** One page of a keyset-paged list: {@code {items, nextCursor}}; no next cursor on the last page. */
@Schema(description = "A page of a keyset-paged list; pass nextCursor back as cursor for the next page (absent on the last page)")
public record CursorPage<T>(List<T> items, String nextCursor) {
}
