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

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(new HashSet<>(config(Map.of()).workWeek()))
                .isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    }

    @Test
    void aSundayToThursdayWeekMakesFridayAndSaturdayTheWeekend() {
        CandorConfig config = config(Map.of("candor.work-week", "SUNDAY,MONDAY,TUESDAY,WEDNESDAY,THURSDAY"));
        BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC(), config);
        LocalDate friday = LocalDate.of(2027, 3, 5);
        assertThat(calendar.isBusinessDay(friday)).isFalse();
        assertThat(calendar.isBusinessDay(friday.plusDays(1))).isFalse();
        assertThat(calendar.isBusinessDay(friday.plusDays(2))).as("Sunday").isTrue();
        assertThat(calendar.isBusinessDay(friday.minusDays(1))).as("Thursday").isTrue();
    }

    @Test
    void everyDayCanBeABusinessDay() {
        CandorConfig config = config(Map.of("candor.work-week", "MONDAY,TUESDAY,WEDNESDAY,THURSDAY,FRIDAY,SATURDAY,SUNDAY"));
        BusinessCalendar calendar = new BusinessCalendar(Clock.systemUTC(), config);
        LocalDate saturday = LocalDate.of(2027, 3, 6);
        assertThat(calendar.isBusinessDay(saturday)).isTrue();
        assertThat(calendar.addBusinessDays(saturday, 1)).isEqualTo(saturday.plusDays(1));
    }
}
