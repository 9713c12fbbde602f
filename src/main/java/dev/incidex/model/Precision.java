package dev.incidex.model;

/**
 * How precisely a record names an incident's title and impact. When one incident arrives through several
 * sources of its vendor, the most precise one sets them, whatever order the sources are polled in: the
 * vendor's API states its title and impact, a feed prints the title and at most guesses the impact, posts
 * only make a title from their first words.
 */
public enum Precision {
    /** Made up from posts' words. */
    GUESSED,
    /** Printed for people (a feed, a history page, a widget that infers impact from component states). */
    PRINTED,
    /** Stated field by field in the vendor's API. */
    STATED;

    /** True when a value of this precision may replace one of {@code stored} precision (null: nothing stored). */
    public boolean mayReplace(Precision stored) {
        return stored == null || compareTo(stored) >= 0;
    }
}
