package dev.incidex;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource (class or method) whose GET and HEAD answers may be read from the replica, when one is
 * configured ({@link ReadReplica}). Only what a stranger reads is marked: pages, feeds and the API. Whatever a
 * user reaches right after writing it (a watchlist's page and feeds, an addition's progress) is left unmarked and
 * reads the primary, so replication lag never shows them a watchlist or vendor that "does not exist".
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ReadsReplica {}
