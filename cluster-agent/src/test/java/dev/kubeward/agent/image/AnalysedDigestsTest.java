package dev.kubeward.agent.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class AnalysedDigestsTest {

    @TempDir Path dir;

    @Test
    void forgetsTheLeastRecentlySeenDigestPastItsCapacityAndSurvivesARestart() {
        Path file = dir.resolve("cache/digests.txt");
        AnalysedDigests cache = new AnalysedDigests(file, 2, "1");
        cache.remember(digest('a'));
        cache.remember(digest('b'));
        assertThat(cache.contains(digest('a'))).isTrue(); // a is now more recent than b

        cache.remember(digest('c'));

        AnalysedDigests restarted = new AnalysedDigests(file, 2, "1");
        assertThat(restarted.contains(digest('a'))).isTrue();
        assertThat(restarted.contains(digest('b'))).isFalse();
        assertThat(restarted.contains(digest('c'))).isTrue();
        assertThat(restarted.size()).isEqualTo(2);
    }

    @Test
    void otherAnalysersStartAfresh() {
        Path file = dir.resolve("digests.txt");
        new AnalysedDigests(file, 10, "1").remember(digest('a'));

        assertThat(new AnalysedDigests(file, 10, "2").contains(digest('a'))).isFalse();
    }

    private static String digest(char c) {
        return "sha256:" + String.valueOf(c).repeat(64);
    }
}
