package nl.koers.query.caseload;

/** Query for the caseload of one scope; also the subscription query of the live caseload. */
public record FindCaseload(CaseloadScope scope) {
}
