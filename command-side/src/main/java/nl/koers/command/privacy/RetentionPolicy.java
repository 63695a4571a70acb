package nl.koers.command.privacy;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import nl.koers.events.common.BusinessCalendar;
import nl.koers.events.common.YouthId;
import nl.koers.events.privacy.YouthPersonalDataErased;
import nl.koers.events.trajectory.TrajectoryClosed;
import nl.koers.events.trajectory.TrajectoryOpened;
import nl.koers.platform.mongo.NotWaitingForDisk;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Retention as configuration: a youth whose trajectories are all closed, the last one more than
 * {@code koers.retention.erase-after-closed-years} years ago, is erased automatically (0 switches it off).
 * Which youths qualify is tracked from the events, per trajectory, so redelivery changes nothing.
 */
@Component
@ProcessingGroup("retention")
public class RetentionPolicy {
    private static final Logger log = LoggerFactory.getLogger(RetentionPolicy.class);
    static final String REASON = "retention: %d years after the last trajectory closed";
    private final MongoCollection<Document> youths;
    /**
     * Its own trajectory → youth link rather than {@code TrajectoryYouths}: written by this processor from the same
     * event stream as the closures it resolves, so a replay from the start never sees a close before its opening.
     */
    private final MongoCollection<Document> youthOfTrajectory;
    private final YouthErasure erasure;
    private final Clock clock;
    private final int years;

    public RetentionPolicy(@Qualifier("koers") MongoDatabase database, YouthErasure erasure, Clock clock,
                           @Value("${koers.retention.erase-after-closed-years:5}") int years) {
        // Written only by this processor, idempotently: like its token, they need not wait for the disk (a crash
        // takes back both, and the events are delivered again); waiting cost a commit of the file per event.
        this.youths = NotWaitingForDisk.of(database.getCollection("cmd_retention"));
        this.youthOfTrajectory = NotWaitingForDisk.of(database.getCollection("cmd_retention_trajectories"));
        this.erasure = erasure;
        this.clock = clock;
        this.years = years;
    }

    @EventHandler
    void on(TrajectoryOpened e) {
        youthOfTrajectory.updateOne(Filters.eq("_id", e.trajectoryId().value()),
                Updates.set("youthId", e.youthId().value()), new UpdateOptions().upsert(true));
        youths.updateOne(Filters.eq("_id", e.youthId().value()),
                Updates.set("trajectories." + e.trajectoryId().value(), "open"), new UpdateOptions().upsert(true));
    }

    @EventHandler
    void on(TrajectoryClosed e) {
        Document link = youthOfTrajectory.find(Filters.eq("_id", e.trajectoryId().value())).first();
        if (link != null) {
            youths.updateOne(Filters.eq("_id", link.getString("youthId")),
                    Updates.set("trajectories." + e.trajectoryId().value(), e.closedOn().toString()));
        }
    }

    @EventHandler
    void on(YouthPersonalDataErased e) {
        youths.deleteOne(Filters.eq("_id", e.youthId().value()));
    }

    /** Daily at 03:15 (configurable); returns the youths it erased. */
    @Scheduled(cron = "${koers.retention.schedule:0 15 3 * * *}", zone = BusinessCalendar.ZONE_ID)
    public List<YouthId> eraseExpired() {
        List<YouthId> erased = new ArrayList<>();
        if (years <= 0) {
            return erased;
        }
        LocalDate cutoff = BusinessCalendar.today(clock).minusYears(years);
        youths.find().forEach((Consumer<Document>) doc -> {
            if (expired(doc.get("trajectories", Document.class), cutoff)) {
                YouthId youth = new YouthId(doc.getString("_id"));
                erasure.erase(youth, REASON.formatted(years), "retention-policy");
                erased.add(youth);
            }
        });
        if (!erased.isEmpty()) {
            log.info("Retention: erased {} youths whose last trajectory closed before {}", erased.size(), cutoff);
        }
        return erased;
    }

    private static boolean expired(Document trajectories, LocalDate cutoff) {
        if (trajectories == null || trajectories.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, Object> entry : trajectories.entrySet()) {
            Object closedOn = entry.getValue();
            if ("open".equals(closedOn) || !LocalDate.parse(closedOn.toString()).isBefore(cutoff)) {
                return false;
            }
        }
        return true;
    }
}
