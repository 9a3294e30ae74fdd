package com.webptbridge.store.reference;

import com.webptbridge.billing.ReferenceKind;
import com.webptbridge.store.Sql;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Set;

/**
 * Reads a row into a record by its components: each component from the column of the same name in
 * snake_case ({@link ReferenceKind#column}), so a reference kind's record is the one declaration of
 * its fields and no row mapper repeats them. Knows the few types the records use.
 */
final class RecordRows {

    private RecordRows() {}

    /** A row reader for {@code type}; fails at once when the record uses a type it cannot read. */
    static <T extends Record> Sql.RowMapper<T> reader(Class<T> type) {
        RecordComponent[] components = type.getRecordComponents();
        String[] columns = Arrays.stream(components)
                .map(c -> ReferenceKind.column(c.getName()))
                .toArray(String[]::new);
        Constructor<T> constructor;
        try {
            constructor = type.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
        for (RecordComponent c : components) {
            if (!READABLE.contains(c.getType())) { // refused now, not at the first row
                throw new IllegalStateException(
                        type.getSimpleName() + "." + c.getName() + ": a " + c.getType() + " cannot be read");
            }
        }
        return rs -> {
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = value(components[i].getType(), rs, columns[i]);
            }
            try {
                return constructor.newInstance(values);
            } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("Cannot build " + type.getSimpleName() + " from a row", e);
            }
        };
    }

    private static final Set<Class<?>> READABLE =
            Set.of(long.class, boolean.class, String.class, BigDecimal.class, Integer.class);

    /** The column's value as {@code type}; SQL NULL is null for the boxed and reference types. */
    private static Object value(Class<?> type, ResultSet rs, String column) throws SQLException {
        if (type == long.class) {
            return rs.getLong(column);
        } else if (type == boolean.class) {
            return rs.getBoolean(column);
        } else if (type == BigDecimal.class) {
            return rs.getBigDecimal(column);
        } else if (type == Integer.class) {
            int v = rs.getInt(column);
            return rs.wasNull() ? null : v;
        }
        return rs.getString(column);
    }
}
