package nl.koers.query.caseload;

import nl.koers.events.reference.ReferenceData;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.query.common.AggregateReadPolicy;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;

/**
 * The caseload of a scope for the person reading it ({@link AggregateReadPolicy}: policy analysts everywhere, youth
 * workers in the districts of their focus areas): as it is for youth workers, with small counts suppressed for
 * policy analysts ({@link AnalystCaseload}). Once, or live: the current caseload and a new one whenever an event
 * changes the scope's counts (an Axon subscription query).
 */
@Service
public record CaseloadReader(CaseloadQueries queries, AggregateReadPolicy policy, QueryGateway queryGateway) {
    /** A {@link Caseload} for a youth worker; its suppressed form (JSON-shaped maps) for a policy analyst. */
    public Object caseload(KoersUser reader, CaseloadScope scope) {
        check(reader, scope);
        return present(reader, queries.caseload(scope));
    }

    /** The caseloads of a scope as they change, shown as {@link #caseload} shows them; {@link Live#stop()} ends it. */
    public Live follow(KoersUser reader, CaseloadScope scope) {
        check(reader, scope);
        SubscriptionQueryResult<Caseload, Caseload> result = queryGateway.subscriptionQuery(new FindCaseload(scope),
                ResponseTypes.instanceOf(Caseload.class), ResponseTypes.instanceOf(Caseload.class));
        return new Live(result.initialResult().concatWith(result.updates()).map(c -> present(reader, c)), result);
    }

    /** A live caseload: the current one first, then each change. */
    public static final class Live {
        private final Flux<Object> caseloads;
        private final SubscriptionQueryResult<?, ?> subscription;

        private Live(Flux<Object> caseloads, SubscriptionQueryResult<?, ?> subscription) {
            this.caseloads = caseloads;
            this.subscription = subscription;
        }

        public Flux<Object> caseloads() {
            return caseloads;
        }

        /** Ends the subscription query (the reader went away). */
        public void stop() {
            subscription.cancel();
        }
    }

    /** The scope decides which districts the figures count. */
    private void check(KoersUser reader, CaseloadScope scope) {
        ReferenceData reference = ReferenceData.get();
        switch (scope.kind()) {
            case NEIGHBOURHOOD -> policy.check(reader, reference.wijk(scope.code()).stream().toList());
            case FOCUS_AREA -> policy.checkFocusArea(reader, scope.code());
            case GEMEENTE -> policy.check(reader, reference.wijkenOfGemeente(scope.code()));
        }
    }

    private static Object present(KoersUser reader, Caseload caseload) {
        return reader.role() == Role.POLICY_ANALYST ? AnalystCaseload.of(caseload) : caseload;
    }
}
