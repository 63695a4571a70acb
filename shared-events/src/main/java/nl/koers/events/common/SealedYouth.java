package nl.koers.events.common;

/** The youth's personal details, each sealed with the youth's key. {@code bsn} is absent when not given. */
public record SealedYouth(EncryptedValue givenName, EncryptedValue familyName, EncryptedValue birthDate,
                          EncryptedValue bsn) {
}
