package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The key type of the in-process MongoDB's unique-index maps. The stock maps use {@link ObjectDataType}, which
 * compares {@link KeyValue}s (serializable, not comparable) by serializing both with Java serialization, at every
 * step of every B-tree search: a fifth of the CPU of a view rebuild. Keys of one string, ObjectId or number
 * compare here without serializing; the format on disk is {@link ObjectDataType}'s, unchanged.
 * <p>
 * The order is total and says "equal" exactly when the serialized forms are equal, as the stock order does, so
 * which keys count as duplicates does not change: a key is ranked by its category first, and only keys of the
 * same category compare by value. Numbers of different Java types are different categories (mongo-java-server
 * normalises index keys to {@code Double}, or {@code Long} beyond a double's precision, before it stores them,
 * and the stock order tells a {@code Long} 1 from a {@code Double} 1.0 too). Any other key (several fields, null,
 * a document, a date) keeps the stock comparison. A B-tree written in the stock order must be rebuilt before it
 * is read in this one: see {@link IndexKeyOrder}.
 */
final class IndexKeyDataType extends ObjectDataType {
    private static final int STRING = 0;
    private static final int OBJECT_ID = 1;
    private static final int DOUBLE = 2;
    private static final int LONG = 3;
    private static final int INTEGER = 4;
    private static final int OTHER = 5;

    @Override
    public int compare(Object a, Object b) {
        if (a == b) {
            return 0;
        }
        int category = category(a);
        int difference = category - category(b);
        if (difference != 0) {
            return difference < 0 ? -1 : 1;
        }
        if (category == OTHER) {
            return super.compare(a, b);
        }
        Object x = ((KeyValue) a).get(0);
        Object y = ((KeyValue) b).get(0);
        return switch (category) {
            case STRING -> Integer.signum(((String) x).compareTo((String) y));
            case OBJECT_ID -> ((ObjectId) x).compareTo((ObjectId) y);
            // Double.compare is 0 exactly when doubleToLongBits, which serialization writes, is equal
            case DOUBLE -> Double.compare((Double) x, (Double) y);
            case LONG -> Long.compare((Long) x, (Long) y);
            default -> Integer.compare((Integer) x, (Integer) y);
        };
    }

    private static int category(Object key) {
        if (key instanceof KeyValue value && value.size() == 1) {
            Object single = value.get(0);
            if (single instanceof String) {
                return STRING;
            } else if (single != null && single.getClass() == ObjectId.class) {
                return OBJECT_ID;
            } else if (single instanceof Double) {
                return DOUBLE;
            } else if (single instanceof Long) {
                return LONG;
            } else if (single instanceof Integer) {
                return INTEGER;
            }
        }
        return OTHER;
    }
}
