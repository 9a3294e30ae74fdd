package com.webptbridge.cli;

import java.io.FileNotFoundException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;

/**
 * A failure a command did not handle, as the one line a person reads: what went wrong and, where it
 * is known, what to do. No stack trace: these are ordinary mistakes (a missing file, a port in use,
 * a broken YAML file, nothing listening), not bugs.
 */
final class Failures {

    private Failures() {}

    static String sentence(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof NoSuchFileException n) {
                return "No such file or folder: " + n.getFile();
            }
            if (t instanceof FileNotFoundException f) {
                return "File not found: " + f.getMessage();
            }
            if (t instanceof AccessDeniedException a) {
                return "Cannot read " + a.getFile() + ": permission denied";
            }
            if (t instanceof BindException b) {
                return "The port is already in use: " + b.getMessage() + ". Stop what uses it or choose another port.";
            }
            if (t instanceof ConnectException c) {
                return "Cannot connect: " + c.getMessage() + ". Is the engine running, and are --host/--port right?";
            }
            if (t instanceof SocketTimeoutException) {
                return "No answer in time: " + t.getMessage();
            }
            if (t instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                return "Cannot read " + source(j) + ": " + j.getOriginalMessage()
                        + (j.getLocation() == null
                                ? ""
                                : " (line " + j.getLocation().getLineNr() + ")");
            }
        }
        String message = e.getMessage();
        return "Failed: " + (message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
    }

    private static String source(com.fasterxml.jackson.core.JsonProcessingException j) {
        Object source = j.getLocation() == null
                ? null
                : j.getLocation().contentReference().getRawContent();
        return source instanceof java.io.File f ? f.getPath() : "the file";
    }
}
