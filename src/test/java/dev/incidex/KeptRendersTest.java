package dev.incidex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeptRendersTest {

    @Test
    void readersOfAPageBeingRenderedWaitForThatRender() throws Exception {
        KeptRenders kept = new KeptRenders(() -> 1_000_000);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<KeptRenders.Rendered>> answers = new ArrayList<>();
            for (int n = 0; n < 8; n++) {
                answers.add(pool.submit(() -> kept.get("page", "stamp", () -> {
                    renders.incrementAndGet();
                    started.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return KeptRenders.Rendered.of(new byte[] {1, 2, 3}, Map.of());
                })));
            }
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // the other readers arrive while the first renders
            release.countDown();
            for (Future<KeptRenders.Rendered> answer : answers) {
                assertThat(answer.get(10, TimeUnit.SECONDS).body()).containsExactly(1, 2, 3);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(renders).hasValue(1);
        assertThat(kept.renders()).isEqualTo(1);
    }

    @Test
    void aMovedStampRendersAgain() {
        KeptRenders kept = new KeptRenders(() -> 1_000_000);
        kept.get("page", "one", () -> KeptRenders.Rendered.of(new byte[] {1}, Map.of()));
        kept.get("page", "one", () -> KeptRenders.Rendered.of(new byte[] {9}, Map.of()));
        assertThat(kept.get("page", "two", () -> KeptRenders.Rendered.of(new byte[] {2}, Map.of()))
                        .body())
                .containsExactly(2);
        assertThat(kept.renders()).isEqualTo(2);
    }
}
