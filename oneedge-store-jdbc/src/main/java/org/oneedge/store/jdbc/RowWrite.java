package org.oneedge.store.jdbc;

import java.util.List;
import org.oneedge.cse.store.Write;

/** A {@link Write} prepared for the database on the caller's thread (documents serialised). */
sealed interface RowWrite {

    record Insert(ResourceRow row) implements RowWrite {}

    record Update(ResourceRow row) implements RowWrite {}

    record DeleteSubtree(String ri) implements RowWrite {}

    static List<RowWrite> of(List<Write> writes) {
        return writes.stream().<RowWrite>map(write -> switch (write) {
            case Write.Create c -> new Insert(ResourceRow.of(c.resource()));
            case Write.Update u -> new Update(ResourceRow.of(u.resource()));
            case Write.Delete d -> new DeleteSubtree(d.ri());
        }).toList();
    }
}
