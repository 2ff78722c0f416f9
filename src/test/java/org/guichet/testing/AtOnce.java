package org.guichet.testing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;

/** Calls made at the same moment, each on a thread of its own, as several nodes or clients would make them. */
public final class AtOnce {

    private AtOnce() {}

    /** Starts every call together and gives their results in the calls' order (a failed call's exception is thrown). */
    public static <T> List<T> call(Collection<? extends Callable<T>> calls) throws Exception {
        var results = new ArrayList<T>();
        try (var pool = Executors.newFixedThreadPool(calls.size())) {
            for (var result : pool.invokeAll(calls)) {
                results.add(result.get());
            }
        }
        return results;
    }
}
