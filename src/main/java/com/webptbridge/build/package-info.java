/**
 * What this build is: its version and the git commit it came from, read from a resource the build
 * writes. Knows nothing of the engine; every face and the wiring read it from here.
 */
package com.webptbridge.build;
