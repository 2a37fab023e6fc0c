package io.redispoolagent.retry;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Reads a command's arguments, whatever the client keeps them in, without copying them. Stateless
 * instances are passed beside the arguments ({@code classify(name, args, accessor)}), so nothing is
 * allocated per call. Index 0 is the first argument after the command name (for {@code CLIENT KILL
 * ...} index 0 is {@code KILL}), as Jedis' {@code sendCommand(cmd, byte[]... args)} and Lettuce's
 * {@code CommandArgs} both hold them.
 *
 * @param <A> the client's argument container
 */
public interface ArgumentAccessor<A> {

    /** How many arguments there are. */
    int count(A args);

    /** The length in bytes (ASCII characters) of argument {@code index}. */
    int length(A args, int index);

    /** Byte {@code position} of argument {@code index}, 0..255. */
    int byteAt(A args, int index, int position);

    /** Arguments as Jedis 3 sends them: {@code byte[][]}, without the command name. */
    ArgumentAccessor<byte[][]> BYTE_ARRAYS = new ArgumentAccessor<byte[][]>() {
        @Override
        public int count(byte[][] args) {
            return args == null ? 0 : args.length;
        }

        @Override
        public int length(byte[][] args, int index) {
            byte[] arg = args[index];
            return arg == null ? 0 : arg.length;
        }

        @Override
        public int byteAt(byte[][] args, int index, int position) {
            return args[index][position] & 0xff;
        }
    };

    /**
     * Arguments as an {@code Object[]} whose elements are {@code byte[]}, {@link CharSequence}s, or
     * anything else (numbers, keys), which is read through {@code toString()} — that copies, and is
     * meant for the failure path only.
     */
    ArgumentAccessor<Object[]> OBJECTS = new ArgumentAccessor<Object[]>() {
        @Override
        public int count(Object[] args) {
            return args == null ? 0 : args.length;
        }

        @Override
        public int length(Object[] args, int index) {
            return Elements.length(args[index]);
        }

        @Override
        public int byteAt(Object[] args, int index, int position) {
            return Elements.byteAt(args[index], position);
        }
    };

    /** Like {@link #OBJECTS}, for a {@link List}. */
    ArgumentAccessor<List<?>> LISTS = new ArgumentAccessor<List<?>>() {
        @Override
        public int count(List<?> args) {
            return args == null ? 0 : args.size();
        }

        @Override
        public int length(List<?> args, int index) {
            return Elements.length(args.get(index));
        }

        @Override
        public int byteAt(List<?> args, int index, int position) {
            return Elements.byteAt(args.get(index), position);
        }
    };

    /** Element access shared by the generic accessors. */
    final class Elements {
        private Elements() {}

        static int length(Object element) {
            if (element instanceof byte[]) {
                return ((byte[]) element).length;
            }
            if (element instanceof CharSequence) {
                return ((CharSequence) element).length();
            }
            return element == null ? 0 : String.valueOf(element).getBytes(StandardCharsets.UTF_8).length;
        }

        static int byteAt(Object element, int position) {
            if (element instanceof byte[]) {
                return ((byte[]) element)[position] & 0xff;
            }
            if (element instanceof CharSequence) {
                char c = ((CharSequence) element).charAt(position);
                return c < 256 ? c : 0xff;
            }
            return String.valueOf(element).getBytes(StandardCharsets.UTF_8)[position] & 0xff;
        }
    }
}
