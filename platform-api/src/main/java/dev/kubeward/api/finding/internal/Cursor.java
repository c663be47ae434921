package dev.kubeward.api.finding.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kubeward.api.query.BadRequestException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * An opaque keyset cursor: the sort it was made for and the sort key values of the last row delivered,
 * as base64url JSON. A cursor used with another sort is refused rather than silently misread.
 */
public final class Cursor {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursor() {
    }

    public static String encode(String sortToken, List<Object> keys) {
        List<Object> all = new ArrayList<>();
        all.add(sortToken);
        all.addAll(keys);
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(all));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key values; throws 400 when the cursor is malformed or belongs to another sort. */
    public static List<Object> decode(String cursor, String sortToken, int keyCount) {
        List<?> all;
        try {
            all = JSON.readValue(Base64.getUrlDecoder().decode(cursor.getBytes(StandardCharsets.US_ASCII)), List.class);
        } catch (Exception e) {
            throw new BadRequestException("malformed cursor");
        }
        if (all.size() != keyCount + 1 || !sortToken.equals(all.get(0))) {
            throw new BadRequestException("cursor was made for another sort; start again without cursor");
        }
        return new ArrayList<>(all.subList(1, all.size()));
    }
}
