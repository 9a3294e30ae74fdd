/**
 * The inbound route's steps, one bean each, in the order routes/webpt-inbound.yaml calls them:
 * intake (journal RECEIVED), header check, parse, a mapping step per message type, commit, reply,
 * and the failure handler. {@link com.webptbridge.inbound.InFlight} carries a message from one
 * step to the next. Knows Camel only as the route's caller; reprocessing enters through the same
 * route.
 */
package com.webptbridge.inbound;
