/**
 * The inbound route's steps, one bean each, in the order routes/webpt-inbound.yaml calls them:
 * intake (journal RECEIVED), lifecycle (setup/disabled: AR; test traffic: the sandbox), header check, parse, a mapping step per {@link
 * com.webptbridge.inbound.MappingStep} (the one declaration of the accepted events), commit, reply,
 * and the failure handler. {@link com.webptbridge.inbound.InFlight} carries a message from one step
 * to the next, with its {@link com.webptbridge.inbound.CommitMode}: live, or preview for a dry run
 * ({@link com.webptbridge.inbound.DryRun}), which takes the same route and is rolled back. Knows
 * Camel only as the route's caller; reprocessing enters through the same route.
 */
package com.webptbridge.inbound;
