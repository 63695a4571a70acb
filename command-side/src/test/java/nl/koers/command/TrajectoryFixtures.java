package nl.koers.command;

import nl.koers.command.trajectory.Trajectory;
import nl.koers.events.common.CommandRefused;
import nl.koers.events.common.Rejection.Kind;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.Objects;

/**
 * What the given/when/then tests of the trajectory and its members share: the fixture with "today" fixed, and
 * matchers for refusals by kind and field.
 */
public final class TrajectoryFixtures {

    private TrajectoryFixtures() {
    }

    /** A fresh fixture of the whole aggregate: its members are tested through the root that owns them. */
    public static AggregateTestFixture<Trajectory> fixture() {
        AggregateTestFixture<Trajectory> fixture = new AggregateTestFixture<>(Trajectory.class);
        fixture.registerInjectableResource(Samples.CLOCK);
        return fixture;
    }

    /** A refusal of this kind; {@code field} null for a refusal that names no field. */
    public static Matcher<CommandRefused> refused(Kind kind, String field) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(CommandRefused e) {
                return e.rejection().kind() == kind && Objects.equals(e.rejection().field(), field);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a refusal " + kind + (field == null ? "" : " of field " + field));
            }
        };
    }

    public static Matcher<CommandRefused> conflict() {
        return refused(Kind.CONFLICT, null);
    }

    /** Event ids of the events given so far, in order (what corrections refer to). */
    public static List<String> givenIds(AggregateTestFixture<Trajectory> fixture) {
        return fixture.getEventStore().readEvents(Samples.ID.value()).asStream().map(EventMessage::getIdentifier)
                .toList();
    }
}
