package app.candor.support;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The app's native SQL, with JPA's numbered parameters (?1, ?2 …; a number may appear more than once), run over plain
 * JDBC, whose PostgreSQL driver takes only ?: {@link #jdbc} is the statement to prepare, {@link #bind} binds each ? to
 * the value of its number. A statement with plain ? already binds its values in order.
 */
public record NumberedSql(String jdbc, int[] numbers) {

    private static final Pattern NUMBERED = Pattern.compile("\\?(\\d+)");

    public static NumberedSql of(String sql) {
        Matcher m = NUMBERED.matcher(sql);
        List<Integer> numbers = new ArrayList<>();
        while (m.find()) {
            numbers.add(Integer.parseInt(m.group(1)));
        }
        return new NumberedSql(m.replaceAll("?"), numbers.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Binds {@code values} (the value of ?1 first) to the prepared {@link #jdbc} statement. */
    public void bind(PreparedStatement ps, List<?> values) throws SQLException {
        int markers = numbers.length == 0 ? values.size() : numbers.length;
        for (int i = 0; i < markers; i++) {
            Object value = numbers.length == 0 ? values.get(i) : values.get(numbers[i] - 1);
            if (value instanceof Timestamp t) {
                ps.setTimestamp(i + 1, t);
            } else {
                ps.setObject(i + 1, value);
            }
        }
    }
}
