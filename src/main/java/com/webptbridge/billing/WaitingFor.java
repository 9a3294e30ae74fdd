package com.webptbridge.billing;

/** The record a message waits for: its kind and key (a Sequence Number, an NPI or a code). */
public record WaitingFor(WaitingKind kind, String key) {}
