package dev.incidex.source.social;

import dev.incidex.model.VendorText;
import java.time.Instant;

/**
 * One post of a vendor's social account, as any of its sources (Mastodon, Bluesky, X, an RSS
 * bridge) shows it: the raw material {@link PostGrouping} turns into incident timelines.
 *
 * @param id the post's own id on its network (for tweets read through a bridge: the tweet id)
 * @param inReplyTo the id of the post it answers, or null
 * @param at when it was posted, with seconds
 * @param text its text, sanitized
 * @param url the post's public page, or null
 */
record Post(String id, String inReplyTo, Instant at, VendorText text, String url) {}
