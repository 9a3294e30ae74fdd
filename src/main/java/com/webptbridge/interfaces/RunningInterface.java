package com.webptbridge.interfaces;

import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.store.Journal;
import com.webptbridge.store.PatientAccount;
import com.webptbridge.store.PatientStore;

/**
 * A practice's interface while it runs, as the API sees it: its definition and its own journal,
 * patients, accounts and maintenance loop. Everything reached through it belongs to this interface
 * only.
 */
public record RunningInterface(
        InterfaceDefinition definition,
        Journal journal,
        PatientStore patients,
        PatientAccount accounts,
        Maintenance maintenance) {

    public String id() {
        return definition.id();
    }
}
