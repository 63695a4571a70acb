package nl.koers.events.common;

/** The phases of a trajectory: before, during and after detention, and closed. */
public enum Phase { PREVENTION, DETENTION, AFTERCARE, CLOSED }
