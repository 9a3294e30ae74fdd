/**
 * The message journal: each frame stored on arrival, each attempt's outcome and errors, the
 * duplicate key of applied messages, the message browser's search, the dashboard counts, the
 * reprocess selection, the worklist, and the messages no interface took
 * ({@link com.webptbridge.store.journal.UnmatchedMessages}).
 * {@link com.webptbridge.store.journal.Journal} is the face; its parts are package-private. Knows
 * no billing or reference tables.
 */
package com.webptbridge.store.journal;
