package org.guichet.directory.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes rows in chunks, one transaction each. If the database refuses a chunk, its rows are written again one by
 * one, so only the row at fault is lost and each row is either wholly written or not at all.
 */
@Component
class ChunkedWriter {

    static final int CHUNK_SIZE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(ChunkedWriter.class);

    private final TransactionTemplate transactions;

    ChunkedWriter(TransactionTemplate transactions) {
        this.transactions = transactions;
    }

    /** @return the items written */
    <T> List<T> write(List<T> items, Consumer<List<T>> writeChunk, BiConsumer<T, DataAccessException> refused) {
        var written = new ArrayList<T>(items.size());
        for (int from = 0; from < items.size(); from += CHUNK_SIZE) {
            var chunk = items.subList(from, Math.min(items.size(), from + CHUNK_SIZE));
            try {
                transactions.executeWithoutResult(status -> writeChunk.accept(chunk));
                written.addAll(chunk);
            } catch (DataAccessException chunkRefused) {
                for (var item : chunk) {
                    try {
                        transactions.executeWithoutResult(status -> writeChunk.accept(List.of(item)));
                        written.add(item);
                    } catch (DataAccessException rowRefused) {
                        LOG.warn("Database refused {}: {}", item, reason(rowRefused));
                        refused.accept(item, rowRefused);
                    }
                }
            }
        }
        return written;
    }

    /** The database's own words, first line only: what an operator needs to fix the row. */
    static String reason(DataAccessException e) {
        var cause = e.getMostSpecificCause().getMessage();
        return cause == null
                ? e.getClass().getSimpleName()
                : cause.lines().findFirst().orElse(cause);
    }
}
