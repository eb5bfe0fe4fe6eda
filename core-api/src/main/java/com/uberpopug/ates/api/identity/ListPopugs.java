package com.uberpopug.ates.api.identity;

/** Answers every popug, active or not, by username. */
public record ListPopugs() {
}
