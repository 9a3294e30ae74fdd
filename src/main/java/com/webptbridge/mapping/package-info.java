/**
 * The mapping profile and the mappers from parsed HL7 to billing records (Patient Info, and later
 * Insurance and Encounters). Mappers return plain records and a list of problems; they never touch
 * the database and never log field values.
 */
package com.webptbridge.mapping;
