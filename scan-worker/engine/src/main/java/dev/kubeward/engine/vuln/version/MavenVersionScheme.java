package dev.kubeward.engine.vuln.version;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maven ordering, following {@code ComparableVersion} (Maven 3.9): numbers and qualifiers split at {@code .},
 * {@code -} and digit/letter transitions into nested lists; known qualifiers order
 * {@code alpha < beta < milestone < rc < snapshot < "" (release) < sp}, unknown ones after them alphabetically, and
 * trailing zeros and release qualifiers are dropped, so {@code 1 = 1.0 = 1-ga}.
 */
public final class MavenVersionScheme implements VersionScheme {

    @Override
    public String name() {
        return "maven";
    }

    @Override
    public ParsedVersion parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidVersionException(name(), text, "empty");
        }
        return new Maven(text, parseItems(text.strip()));
    }

    private record Maven(String text, ListItem items) implements ParsedVersion {
        @Override
        public int compareTo(ParsedVersion o) {
            return items.compareTo(((Maven) o).items);
        }
    }

    private interface Item {
        int compareTo(Item other);

        boolean isNull();
    }

    private record IntItem(BigInteger value) implements Item {
        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return value.signum() == 0 ? 0 : 1;
            }
            if (other instanceof IntItem i) {
                return value.compareTo(i.value);
            }
            return 1;
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }
    }

    private record StringItem(String value) implements Item {
        private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
        private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");
        private static final String RELEASE = String.valueOf(QUALIFIERS.indexOf(""));

        static StringItem of(String value, boolean followedByDigit) {
            if (followedByDigit && value.length() == 1) {
                switch (value.charAt(0)) {
                    case 'a' -> value = "alpha";
                    case 'b' -> value = "beta";
                    case 'm' -> value = "milestone";
                    default -> { }
                }
            }
            return new StringItem(ALIASES.getOrDefault(value, value));
        }

        private static String comparable(String q) {
            int i = QUALIFIERS.indexOf(q);
            return i == -1 ? QUALIFIERS.size() + "-" + q : String.valueOf(i);
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                return comparable(value).compareTo(RELEASE);
            }
            if (other instanceof StringItem s) {
                return comparable(value).compareTo(comparable(s.value));
            }
            return -1;
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }
    }

    private static final class ListItem extends ArrayList<Item> implements Item {
        @Override
        public boolean isNull() {
            return isEmpty();
        }

        void normalize() {
            for (int i = size() - 1; i >= 0; i--) {
                Item last = get(i);
                if (last.isNull()) {
                    remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public int compareTo(Item other) {
            if (other == null) {
                // NB: every item, not just the first, is compared with null (MNG-6964: 1-0.alpha < 1).
                for (Item item : this) {
                    int c = item.compareTo(null);
                    if (c != 0) {
                        return c;
                    }
                }
                return 0;
            }
            if (other instanceof IntItem) {
                return -1;
            }
            if (other instanceof StringItem) {
                return 1;
            }
            Iterator<Item> left = iterator();
            Iterator<Item> right = ((ListItem) other).iterator();
            while (left.hasNext() || right.hasNext()) {
                Item l = left.hasNext() ? left.next() : null;
                Item r = right.hasNext() ? right.next() : null;
                int c = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        }
    }

    private static ListItem parseItems(String version) {
        String v = version.toLowerCase(Locale.ROOT);
        ListItem root = new ListItem();
        ListItem list = root;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean isDigit = false;
        int start = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '.') {
                list.add(i == start ? new IntItem(BigInteger.ZERO) : item(isDigit, v.substring(start, i)));
                start = i + 1;
            } else if (c == '-') {
                list.add(i == start ? new IntItem(BigInteger.ZERO) : item(isDigit, v.substring(start, i)));
                start = i + 1;
                list = push(list, stack);
            } else if (c >= '0' && c <= '9') {
                if (!isDigit && i > start) {
                    // NB: 1.0.0.X1 < 1.0.0-X2 for any qualifier X (MNG-7644): ".X" opens a sub-list like "-X".
                    if (!list.isEmpty()) {
                        list = push(list, stack);
                    }
                    list.add(StringItem.of(v.substring(start, i), true));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = true;
            } else {
                if (isDigit && i > start) {
                    list.add(item(true, v.substring(start, i)));
                    start = i;
                    list = push(list, stack);
                }
                isDigit = false;
            }
        }
        if (v.length() > start) {
            if (!isDigit && !list.isEmpty()) {
                list = push(list, stack);
            }
            list.add(item(isDigit, v.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    private static ListItem push(ListItem parent, Deque<ListItem> stack) {
        ListItem child = new ListItem();
        parent.add(child);
        stack.push(child);
        return child;
    }

    private static Item item(boolean isDigit, String buf) {
        return isDigit ? new IntItem(new BigInteger(buf)) : StringItem.of(buf, false);
    }
}
