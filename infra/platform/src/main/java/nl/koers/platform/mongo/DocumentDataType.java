package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.bson.BinData;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;

import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

/**
 * The value type of the in-process MongoDB's document maps: each document stored as BSON, the form it arrived in
 * over the wire, with mongo-java-server's own encoder and decoder. The stock maps store documents with Java
 * serialization, one object stream per document with the class descriptors of every map and list in it, each time
 * the page holding the document is written or read again: over half of the server's CPU during a view rebuild,
 * and the biggest share of a durable command's. BSON carries every value a document can hold (the server receives
 * nothing else), so a document reads back as it was written. A file written in the stock form is converted once
 * when it is opened: see {@link DocumentEncoding}.
 */
final class DocumentDataType extends BasicDataType<Document> {
    /**
     * What a value counts for in MVStore's page sizes and cache: about its encoded size, as H2's default type
     * counts the average serialized size. The cache ({@code cacheSize}, in MB of this measure) then holds about as
     * many documents as it did with the stock type.
     */
    private static final int VALUE = 8;
    /**
     * One encoding buffer per writing thread, used again for every document of every page it writes: a fresh one
     * per document grew by doubling to the document's size each time. One that grew past this is let go after use,
     * so a rare large document does not stay in memory.
     */
    private static final int KEPT_BUFFER_BYTES = 256 * 1024;
    private static final ThreadLocal<ByteBuf> ENCODING = ThreadLocal.withInitial(() -> Unpooled.buffer(4096));

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = ENCODING.get();
        bson.clear();
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.putVarInt(length);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            if (bson.capacity() > KEPT_BUFFER_BYTES) {
                ENCODING.remove();
            }
        }
    }

    @Override
    public Document read(ByteBuffer buffer) {
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer bson = buffer.slice();
        bson.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(bson));
    }

    @Override
    public int getMemory(Document document) {
        return memory(document);
    }

    private static int memory(Object value) {
        if (value instanceof String text) {
            return VALUE + text.length();
        } else if (value instanceof Map<?, ?> map) {
            int size = VALUE;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 2 + entry.getKey().toString().length() + memory(entry.getValue());
            }
            return size;
        } else if (value instanceof Collection<?> values) {
            int size = VALUE;
            for (Object element : values) {
                size += 4 + memory(element);
            }
            return size;
        } else if (value instanceof BinData binary) {
            return VALUE + binary.getData().length;
        }
        return VALUE;
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
