/**
 * The analyst's maintenance loop: reference changes that release waiting messages, the worklist of
 * what messages wait for, and reprocessing, which sends journaled messages through the inbound
 * route's own steps. Knows nothing of HTTP or the command line.
 */
package com.webptbridge.maintenance;
