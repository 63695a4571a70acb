package nl.koers.app.demo;

import nl.koers.events.common.Bsn;
import nl.koers.events.reference.FocusArea;
import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.platform.security.UserDirectory;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic youths for the demo (and the benchmarks): given and family names drawn from common Dutch name lists and
 * combined at random, so no combination is meant to be a real person. The "Demo-" prefix on every family name makes any
 * demo record unmistakable on screen and in exports.
 */
public final class DemoPeople {
    public static final List<String> GIVEN = List.of("Sem", "Noah", "Liam", "Daan", "Levi", "Finn", "Milan",
            "Jesse", "Mohammed", "Adam", "Ryan", "Yusuf", "Luca", "Bram", "Thijs", "Julia", "Emma", "Sara", "Noor",
            "Lina", "Fenna", "Aya", "Nora", "Zoë", "Sophie", "Amira", "Mila", "Eva", "Yara", "Lotte");
    /** Family names; some with diacritics, as in every Dutch class, so search has something to ignore. */
    public static final List<String> FAMILY = List.of("de Vries", "Jansen", "Bakker", "Visser", "Smit",
            "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker",
            "Brouwer", "de Wit", "Dijkstra", "Yılmaz", "El Amrani", "Kaya", "Martina", "Pinas", "Nguyen", "Öztürk",
            "Çelik", "Muñoz", "Şahin", "van den Berg");

    private DemoPeople() {
    }

    public static String givenName(Random random) {
        return GIVEN.get(random.nextInt(GIVEN.size()));
    }

    public static String familyName(Random random) {
        return "Demo-" + FAMILY.get(random.nextInt(FAMILY.size()));
    }

    /** A number that passes the eleven test, from the seeded generator: never a real person's BSN by intent. */
    public static String bsn(Random random) {
        while (true) {
            StringBuilder digits = new StringBuilder("9");
            for (int i = 0; i < 7; i++) {
                digits.append(random.nextInt(10));
            }
            Optional<Bsn> bsn = Bsn.completing(digits.toString());
            if (bsn.isPresent()) {
                return bsn.get().value();
            }
        }
    }

    /** A demo user who works in the area (so their worklist and "my cases" show it), else a generated name. */
    static KoersUser workerIn(UserDirectory users, FocusArea area) {
        return users.userNames().stream().map(users::find).flatMap(Optional::stream)
                .filter(user -> user.role() == Role.YOUTH_WORKER && !user.allAreas()
                        && user.focusAreas().contains(area.code()))
                .findFirst()
                .orElseGet(() -> new KoersUser("demo-" + area.code().value().toLowerCase(), Role.YOUTH_WORKER,
                        Set.of(area.code()), false));
    }
}
