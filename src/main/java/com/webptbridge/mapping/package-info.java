/**
 * The mapping profile and the mappers from parsed HL7 to records as mapped: Patient Info, and for
 * a DFT a {@link com.webptbridge.mapping.MappedEncounter} whose references are still the keys the
 * message gave, with their HL7 locations. Mappers return records and a list of problems; they never
 * touch the database and never log field values.
 */
package com.webptbridge.mapping;
