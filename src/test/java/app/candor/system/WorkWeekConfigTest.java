package app.candor.system;

import app.candor.support.DatabaseNeutral;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code candor.work-week} as the configuration reads it (as CANDOR_WORK_WEEK would give it), without starting Quarkus. */
@DatabaseNeutral
class WorkWeekConfigTest {

    private static CandorConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(CandorConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(CandorConfig.class);
    }

    @Test
    void theDefaultWorkWeekIsMondayToFriday() {
        assertEquals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), new HashSet<>(config(Map.of()).workWeek()));
    }

    @Test
    void aSundayToThursdayWeekMakesFridayAndSaturdayTheWeekend() {
        CandorConfig config = config(Map.of("candor.work-week", "SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY"));
        BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC(), config);
        LocalDate friday = LocalDate.of(2027, 3, 5);
        assertFalse(calendar.isBusinessDay(friday));
        assertFalse(calendar.isBusinessDay(friday.plusDays(1)));
        assertTrue(calendar.isBusinessDay(friday.plusDays(2)), "Sunday");
        assertTrue(calendar.isBusinessDay(friday.minusDays(1)), "Thursday");
    }

    @Test
    void everyDayCanBeABusinessDay() {
        CandorConfig config = config(Map.of("candor.work-week", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"));
        BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC(), config);
        LocalDate saturday = LocalDate.of(2027, 3, 6);
        assertTrue(calendar.isBusinessDay(saturday));
        assertEquals(saturday.plusDays(1), calendar.addBusinessDays(saturday, 1));
    }
}
