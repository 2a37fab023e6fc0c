package io.redispoolagent.instrument.lettuce;

import static org.assertj.core.api.Assertions.assertThat;

import io.redispoolagent.retry.ArgumentAccessor;
import io.redispoolagent.retry.CommandSafety;
import io.redispoolagent.retry.Safety;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading Lettuce's CommandArgs for the command table, with stand-ins named like Lettuce's argument classes. */
class LettuceArgumentsTest {

    static final class KeyArgument {
        @Override
        public String toString() {
            throw new AssertionError("a key must not be decoded through the codec");
        }
    }

    static final class ValueArgument {
        @Override
        public String toString() {
            throw new AssertionError("a value must not be decoded through the codec");
        }
    }

    static final class CharArrayArgument {
        @Override
        public String toString() {
            throw new AssertionError("a secret must not become a string");
        }
    }

    static final class ProtocolKeywordArgument {
        private final String keyword;

        ProtocolKeywordArgument(String keyword) {
            this.keyword = keyword;
        }

        @Override
        public String toString() {
            return keyword;
        }
    }

    static final class IntegerArgument {
        @Override
        public String toString() {
            return "10";
        }
    }

    /** Like CommandArgs: the arguments in a field named singularArguments. */
    static final class CommandArgs {
        private final List<Object> singularArguments;

        CommandArgs(Object... arguments) {
            singularArguments = Arrays.asList(arguments);
        }
    }

    @Test
    void keywordsAndNumbersAreReadAndKeysValuesAndSecretsAreOpaque() {
        List<Object> read = LettuceArguments.of(new CommandArgs(
                new KeyArgument(),
                new ValueArgument(),
                new ProtocolKeywordArgument("EX"),
                new IntegerArgument(),
                new CharArrayArgument()));

        assertThat(read)
                .containsExactly(LettuceArguments.OPAQUE, LettuceArguments.OPAQUE, "EX", "10", LettuceArguments.OPAQUE);
    }

    @Test
    void aPlainSetIsSafeToReplayAndASetNxIsNot() {
        CommandSafety table = CommandSafety.builtIn();

        Safety plain = table.classify(
                "SET",
                LettuceArguments.of(new CommandArgs(new KeyArgument(), new ValueArgument())),
                ArgumentAccessor.LISTS,
                0);
        Safety nx = table.classify(
                "SET",
                LettuceArguments.of(
                        new CommandArgs(new KeyArgument(), new ValueArgument(), new ProtocolKeywordArgument("NX"))),
                ArgumentAccessor.LISTS,
                0);

        assertThat(plain.safeToRepeat()).isTrue();
        assertThat(nx.safeToRepeat()).isFalse();
    }

    @Test
    void argumentsThatCannotBeReadAreEmpty() {
        assertThat(LettuceArguments.of(null)).isEmpty();
        assertThat(LettuceArguments.of(new Object())).isEmpty();
    }
}
