/**
 * Outcome measures per focus area and cohort (the year a trajectory opened), for policy analysts and the area's
 * own youth workers ({@link nl.koers.query.common.AggregateReadPolicy}).
 *
 * <p>Measures: trajectories in the cohort; closed trajectories per reason; basic conditions met at release (the
 * latest assessment on or before the day the first detention ended: each of the five, daytime activity, and all
 * five); the recidivism proxy: a new police contact within 6, 12 and 24 months after release and after close,
 * counted only over youths whose window has fully passed by today ({@code followedUp}).
 *
 * <p>Small counts (rule in {@link nl.koers.query.outcome.SmallCounts}): every count from 1 to 4 is published as
 * {@code "<5"} with its share withheld; a total whose cells include a suppressed one is withheld as well, so no
 * suppressed count follows from subtracting shown counts from a shown total; a share is shown only when its count
 * and its denominator are. The closed-per-reason cells and the closed total form such a group; shares there are
 * of the cohort, which is always published (or is itself {@code "<5"}, and then no share is shown).
 */
package nl.koers.query.outcome;
