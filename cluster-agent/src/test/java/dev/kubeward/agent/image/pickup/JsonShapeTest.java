package dev.kubeward.agent.image.pickup;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static dev.kubeward.agent.image.pickup.JsonShape.WHOLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports are parsed keeping only what the pick-up uses; the rest is skipped, never built as a tree. */
class JsonShapeTest {

    private static final JsonShape SHAPE = JsonShape.of("metadata", JsonShape.of("name", WHOLE),
            "items", JsonShape.of("purl", WHOLE, "properties", WHOLE));

    @Test
    void keepsOnlyTheNamedFieldsOfObjectsAndOfEveryArrayElement() throws IOException {
        String json = "{\"metadata\":{\"name\":\"r\",\"labels\":{\"a\":\"b\"}},\"files\":[{\"path\":\"/x\",\"digests\":[1,2]}],"
                + "\"items\":[{\"purl\":\"pkg:npm/a@1\",\"licenses\":[{\"id\":\"MIT\"}],\"properties\":[{\"name\":\"k\",\"value\":\"v\"}]},{\"purl\":null}]}";

        assertThat(read(json).toString()).isEqualTo(
                "{\"metadata\":{\"name\":\"r\"},\"items\":[{\"purl\":\"pkg:npm/a@1\",\"properties\":[{\"name\":\"k\",\"value\":\"v\"}]},{\"purl\":null}]}");
    }

    @Test
    void keepsAValueOfAnotherTypeThanExpectedForTheReaderToReject() throws IOException {
        assertThat(read("{\"items\":\"not-a-list\",\"metadata\":7}").toString()).isEqualTo("{\"items\":\"not-a-list\",\"metadata\":7}");
        assertThatThrownBy(() -> read("[1,2]")).hasMessage("not a JSON object");
    }

    private static JsonNode read(String json) throws IOException {
        try (JsonParser p = new JsonFactory().createParser(json)) {
            return SHAPE.readDocument(p);
        }
    }
}
