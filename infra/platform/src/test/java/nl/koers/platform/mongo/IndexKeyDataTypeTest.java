package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast key order of the unique indexes is a total order that calls two keys equal exactly when H2's stock
 * order (their Java-serialized bytes) does: otherwise an index would let a duplicate in, or miss a key it holds.
 * Checked on random keys of every kind an index holds, with many equal pairs among them.
 */
class IndexKeyDataTypeTest {
    private static final String[] WORDS = {"", "a", "b", "ab", "B", "é", "e\u0301", "ß", "ss", "Ω", "日本", "😀", "ø",
            "tr-0001", "tr-0002", "youth/42", "A very much longer key that shares its start"};

    private final IndexKeyDataType fast = new IndexKeyDataType();
    private final ObjectDataType stock = new ObjectDataType();
    private final Random random = new Random(20240611);

    @Test
    void theOrderIsTotalAndAgreesWithTheStockOrderOnEquality() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            keys.add(randomKey());
        }
        int equalPairs = 0;
        for (KeyValue a : keys) {
            for (KeyValue b : keys) {
                int ab = Integer.signum(fast.compare(a, b));
                assertThat(ab).as("sign of compare(%s, %s) against compare(b, a)", a, b)
                        .isEqualTo(-Integer.signum(fast.compare(b, a)));
                assertThat(ab == 0).as("%s and %s equal in the fast order as in the stock order", a, b)
                        .isEqualTo(stock.compare(a, b) == 0);
                if (ab == 0 && a != b) {
                    equalPairs++;
                }
            }
        }
        assertThat(equalPairs).as("equal keys that are different objects").isGreaterThan(500);

        for (int i = 0; i < 100_000; i++) {
            KeyValue a = keys.get(random.nextInt(keys.size()));
            KeyValue b = keys.get(random.nextInt(keys.size()));
            KeyValue c = keys.get(random.nextInt(keys.size()));
            if (fast.compare(a, b) <= 0 && fast.compare(b, c) <= 0) {
                assertThat(fast.compare(a, c)).as("%s <= %s <= %s", a, b, c).isLessThanOrEqualTo(0);
                if (fast.compare(a, b) < 0 || fast.compare(b, c) < 0) {
                    assertThat(fast.compare(a, c)).as("%s < %s", a, c).isNegative();
                }
            }
        }
    }

    @Test
    void aSortedListIsInOrderPairByPair() {
        List<KeyValue> keys = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            keys.add(randomKey());
        }
        keys.sort(fast); // TimSort complains about many intransitive orders
        for (int i = 0; i < keys.size(); i++) {
            for (int j = i + 1; j < Math.min(keys.size(), i + 60); j++) {
                assertThat(fast.compare(keys.get(i), keys.get(j))).isLessThanOrEqualTo(0);
            }
        }
    }

    @Test
    void keysMongoCallsEqualAreEqualAndNumbersOfOtherTypesAreNot() {
        // mongo-java-server stores and looks up normalised keys: 1, 1L and 1.0 become the same Double
        assertThat(fast.compare(new KeyValue(1).normalized(), new KeyValue(1.0).normalized())).isZero();
        assertThat(fast.compare(new KeyValue(1L).normalized(), new KeyValue(1.0).normalized())).isZero();
        assertThat(fast.compare(new KeyValue(-0.0).normalized(), new KeyValue(0).normalized())).isZero();
        // the stock order tells these apart, and so does this one
        assertThat(fast.compare(new KeyValue(1L), new KeyValue(1.0))).isNotZero();
        assertThat(fast.compare(new KeyValue(0.0), new KeyValue(-0.0))).isNotZero();
        assertThat(fast.compare(new KeyValue(Double.NaN), new KeyValue(Double.longBitsToDouble(0x7ff0000000000123L))))
                .isZero();
        assertThat(fast.compare(new KeyValue("a"), new KeyValue(new String("a")))).isZero();
        assertThat(fast.compare(new KeyValue("a"), new KeyValue("a", "a"))).isNotZero();
    }

    private KeyValue randomKey() {
        int fields = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
        Object[] values = new Object[fields];
        for (int i = 0; i < fields; i++) {
            values[i] = randomValue();
        }
        return new KeyValue(values);
    }

    private Object randomValue() {
        return switch (random.nextInt(12)) {
            case 0, 1, 2 -> new String(WORDS[random.nextInt(WORDS.length)]); // equal, not the same object
            case 3 -> randomString();
            case 4 -> new ObjectId(new byte[]{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) random.nextInt(3),
                    (byte) (random.nextInt(3) - 1)});
            case 5 -> switch (random.nextInt(8)) {
                case 0 -> Double.NaN;
                case 1 -> -0.0;
                case 2 -> random.nextBoolean() ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
                case 3 -> random.nextGaussian() * 1e300;
                default -> (double) (random.nextInt(7) - 3);
            };
            case 6 -> random.nextBoolean() ? (long) (random.nextInt(7) - 3) : random.nextLong();
            case 7 -> random.nextBoolean() ? random.nextInt(7) - 3 : random.nextInt();
            case 8 -> null;
            case 9 -> new Document("k", WORDS[random.nextInt(4)]).append("n", random.nextInt(2));
            case 10 -> random.nextBoolean() ? Instant.ofEpochSecond(random.nextInt(3)) : random.nextBoolean();
            default -> new ArrayList<>(Arrays.asList(random.nextInt(2), WORDS[random.nextInt(3)]));
        };
    }

    private String randomString() {
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            s.appendCodePoint(switch (random.nextInt(4)) {
                case 0 -> 'a' + random.nextInt(3);
                case 1 -> 0xe0 + random.nextInt(3);
                case 2 -> 0x3b1 + random.nextInt(2);
                default -> 0x1f600 + random.nextInt(2);
            });
        }
        return s.toString();
    }
}
