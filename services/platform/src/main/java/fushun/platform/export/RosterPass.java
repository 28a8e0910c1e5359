package fushun.platform.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A county's roster in one streaming pass: the service reads the county through a database cursor,
 * runs its rule on each row and hands every listed entry here, which counts and sums them all and
 * keeps only what the caller needs (one page, or rows written straight into an .xlsx). Memory stays
 * flat however large the county.
 *
 * @param <E> the service's roster entry
 */
public final class RosterPass<E> implements Consumer<E> {

    /** Rows the driver fetches at a time while a roster streams. */
    public static final int FETCH_SIZE = 500;

    private final Function<E, BigDecimal> amountOf;
    private final Consumer<E> sink;
    private long count;
    private BigDecimal total = BigDecimal.ZERO;

    private RosterPass(Function<E, BigDecimal> amountOf, Consumer<E> sink) {
        this.amountOf = amountOf;
        this.sink = sink;
    }

    /** A pass that keeps the entries of page {@code page} (from 0) of {@code size}; see {@link #kept()}. */
    public static <E> Paged<E> page(int page, int size, Function<E, BigDecimal> amountOf) {
        return new Paged<>(page, size, amountOf);
    }

    /** A pass that hands every entry to {@code sink}, e.g. a workbook's next row. */
    public static <E> RosterPass<E> each(Function<E, BigDecimal> amountOf, Consumer<E> sink) {
        return new RosterPass<>(amountOf, sink);
    }

    /**
     * Refuses to stream outside a transaction: PostgreSQL's driver reads through a cursor only inside
     * one (and with a fetch size), else it would hold the whole county in memory.
     */
    public static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a roster streams inside a transaction, else the driver reads it whole");
        }
    }

    /**
     * A workbook filled by {@code fill}; if filling fails, its temporary file is removed and the
     * failure goes on. The caller writes the returned workbook out and closes it.
     */
    public static XlsxRoster xlsx(String sheetName, Consumer<XlsxRoster> fill) {
        XlsxRoster xlsx = XlsxRoster.open(sheetName);
        try {
            fill.accept(xlsx);
            return xlsx;
        } catch (RuntimeException e) {
            try {
                xlsx.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    @Override
    public void accept(E entry) {
        sink.accept(entry);
        count++;
        total = total.add(amountOf.apply(entry));
    }

    /** Entries listed so far. */
    public long count() {
        return count;
    }

    /** Their amounts added up. */
    public BigDecimal total() {
        return total;
    }

    /** A pass that keeps one page's entries. */
    public static final class Paged<E> implements Consumer<E> {

        private final long from;
        private final long to;
        private final List<E> kept;
        private final RosterPass<E> pass;

        private Paged(int page, int size, Function<E, BigDecimal> amountOf) {
            this.from = (long) page * size;
            this.to = from + size;
            this.kept = new ArrayList<>(size);
            this.pass = new RosterPass<>(amountOf, e -> {
            });
        }

        @Override
        public void accept(E entry) {
            long index = pass.count();
            if (index >= from && index < to) {
                kept.add(entry);
            }
            pass.accept(entry);
        }

        public List<E> kept() {
            return kept;
        }

        public long count() {
            return pass.count();
        }

        public BigDecimal total() {
            return pass.total();
        }
    }
}
