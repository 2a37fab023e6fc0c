package io.redispoolagent.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeySuggesterTest {

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertThat(KeySuggester.editDistance("maxTotal", "maxTotal")).isZero();
        assertThat(KeySuggester.editDistance("maxTotl", "maxTotal")).isEqualTo(1);
        assertThat(KeySuggester.editDistance("maxTotaal", "maxTotal")).isEqualTo(1);
        assertThat(KeySuggester.editDistance("minTotal", "maxTotal")).isEqualTo(2);
    }

    @Test
    void suggestsTheNearestKeyIgnoringCase() {
        assertThat(KeySuggester.nearest("maxtotal")).isEqualTo(ConfigKey.MAX_TOTAL);
        assertThat(KeySuggester.nearest("maxWiat")).isEqualTo(ConfigKey.MAX_WAIT);
        assertThat(KeySuggester.nearest("loglevel")).isEqualTo(ConfigKey.LOG_LEVEL);
    }

    @Test
    void suggestsNothingForAWordFarFromEveryKey() {
        assertThat(KeySuggester.nearest("compression")).isNull();
    }
}
