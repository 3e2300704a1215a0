package org.oko.forms.internal.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Ids taken by many threads at once from a sequence that, like EclipseLink's, answers one at a time. */
class IdsTest {

    @Test
    void everyIdIsTakenOnceAndInTheSequencesOrderPerThreadOfTheTable() throws Exception {
        Map<Class<?>, AtomicLong> sequences = new ConcurrentHashMap<>();
        AtomicLong asked = new AtomicLong();
        Ids ids = new Ids(entity -> {
            asked.incrementAndGet();
            return sequences.computeIfAbsent(entity, e -> new AtomicLong(e == ValueEntity.class ? 1_000_000 : 0)).incrementAndGet();
        });
        ExecutorService threads = Executors.newFixedThreadPool(16);
        List<Future<List<Long>>> taken = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            taken.add(threads.submit(() -> {
                List<Long> mine = new ArrayList<>();
                for (int i = 0; i < 1000; i++) {
                    mine.add(ids.next(EventEntity.class));
                    mine.add(ids.next(ValueEntity.class));
                }
                return mine;
            }));
        }
        Set<Long> all = ConcurrentHashMap.newKeySet();
        for (Future<List<Long>> future : taken) {
            List<Long> mine = future.get();
            for (int i = 2; i < mine.size(); i++) {
                assertTrue(mine.get(i) > mine.get(i - 2), "a thread's ids of one table grow");
            }
            all.addAll(mine);
        }
        threads.shutdown();
        assertEquals(32_000, all.size(), "no id twice");
        assertEquals(16_000, all.stream().filter(id -> id <= 16_000).count(), "the history lines' ids are the sequence's first ones");
        assertEquals(32_000, asked.get(), "whole blocks, none left over at this count: 16,000 is a multiple of " + Ids.BLOCK);
    }
}
