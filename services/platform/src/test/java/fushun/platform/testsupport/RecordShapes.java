package fushun.platform.testsupport;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * What a view test compares: a record type's component names (the API's JSON fields, in order) and
 * a record's component values (a mapper copied every field).
 */
public final class RecordShapes {

    private RecordShapes() {
    }

    public static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    public static List<Object> values(Record record) {
        return Arrays.stream(record.getClass().getRecordComponents()).map(component -> {
            try {
                var accessor = component.getAccessor();
                accessor.setAccessible(true); // views are often package-private records
                return accessor.invoke(record);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot read " + component.getName(), e);
            }
        }).toList();
    }
}
