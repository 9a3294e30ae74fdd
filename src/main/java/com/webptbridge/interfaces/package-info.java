/**
 * An interface per client practice: its definition as analysts write it ({@code conf/interfaces/*.yaml}),
 * the running interface's face (its own journal, patients, maintenance loop and lifecycle), and the registry
 * through which the API adds, disables and reloads interfaces without a restart. The engine
 * implements the registry; this package knows nothing of Camel.
 */
package com.webptbridge.interfaces;
