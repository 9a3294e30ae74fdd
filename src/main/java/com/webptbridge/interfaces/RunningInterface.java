package com.webptbridge.interfaces;

import com.webptbridge.files.PatientLoads;
import com.webptbridge.golive.GoLive;
import com.webptbridge.inbound.DryRun;
import com.webptbridge.inbound.LocalIntake;
import com.webptbridge.maintenance.Maintenance;
import com.webptbridge.store.billing.PatientAccount;
import com.webptbridge.store.billing.PatientStore;
import com.webptbridge.store.journal.Journal;

/**
 * A practice's interface while it runs, as the API sees it: its definition and its own journal,
 * patients, accounts and maintenance loop, and its "try a message" dry run, and its way in for messages from files
 * ({@link LocalIntake}) with its initial patient loads, and its lifecycle ({@link GoLive}). Everything
 * reached through it belongs to this interface
 * only.
 */
public record RunningInterface(
        InterfaceDefinition definition,
        Journal journal,
        PatientStore patients,
        PatientAccount accounts,
        Maintenance maintenance,
        DryRun dryRun,
        LocalIntake intake,
        PatientLoads loads,
        GoLive goLive) {

    public String id() {
        return definition.id();
    }
}
