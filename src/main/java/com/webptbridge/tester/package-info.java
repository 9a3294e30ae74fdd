/**
 * Tools for testers, usable against any MLLP listener: message files, samples with expected
 * outcomes (replay and comparison), a load generator and an ACK-only server as the transport
 * ceiling. Knows HL7 and MLLP; knows nothing of the engine's internals.
 */
package com.webptbridge.tester;
