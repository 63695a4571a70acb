package nl.koers.query.privacy;

import nl.koers.platform.security.KoersUser;
import nl.koers.platform.security.Role;
import nl.koers.query.common.Roles;
import org.springframework.stereotype.Service;

import java.util.List;

/** The proof-of-destruction list: who erased which youth, when and why; for auditors and administrators. */
@Service
public record ErasureListReader(ErasureListProjection projection) {
    /** Oldest erasure first. */
    public record Erasures(List<ErasureListProjection.ErasureRecord> erasures) {
    }

    public Erasures erasures(KoersUser reader) {
        Roles.require(reader, "only auditors and administrators read the erasure list", Role.AUDITOR, Role.ADMIN);
        return new Erasures(projection.all());
    }
}
