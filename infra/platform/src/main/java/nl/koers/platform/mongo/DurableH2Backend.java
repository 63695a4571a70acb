package nl.koers.platform.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.util.Set;

/**
 * The file-backed backend of the in-process MongoDB server, made durable: the stock backend commits its MVStore
 * in the background about once a second, so a write that was acknowledged could be lost when the process is
 * killed. Here every write command is committed to the file before it is answered, unless its write concern says
 * {@code j: false}: such a write is committed with the next one that is (an MVStore commit stores every change made
 * before it). The read side's view writes ask for that: the processor's token, stored right after them with the
 * default write concern, commits them, and a crash before it means the batch is delivered again.
 */
class DurableH2Backend extends H2Backend {
    private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify",
            "createindexes", "dropindexes", "drop", "create", "renamecollection", "dropdatabase");

    DurableH2Backend(MVStore store) {
        super(store);
    }

    @Override
    public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
        Document answer = super.handleCommand(channel, databaseName, command, query);
        if (WRITES.contains(command.toLowerCase()) && !unjournaled(query)) {
            commit();
        }
        return answer;
    }

    /** The client accepts an answer before the write is on disk ({@code writeConcern: {j: false}}). */
    static boolean unjournaled(Document command) {
        return command.get("writeConcern") instanceof Document concern && Boolean.FALSE.equals(concern.get("j"));
    }
}
