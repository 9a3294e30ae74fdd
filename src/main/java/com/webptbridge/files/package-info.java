/**
 * Messages that come in files rather than over MLLP: the initial patient load (an HL7 file or a
 * CSV of demographics, each row made an ADT^A28) and the file drop (watch folder). Each message goes
 * through the interface's own flow ({@link com.webptbridge.inbound.LocalIntake}): journal first, the
 * same rules, dedupe and ACK. Knows no Camel, HTTP or picocli: the engine wires the folder's route,
 * the faces start the loads.
 */
package com.webptbridge.files;
