package nl.koers.events.trajectory;

/** Who referred the youth to the programme. */
public enum ReferralSource { POLICE, SCHOOL, YOUTH_WORK, HALT, SOCIAL_TEAM, PARENTS, SELF, JUSTICE, OTHER }
