/**
 * Wiring only: settings, the beans the routes name, and start/stop of Camel, the HTTP API and the
 * database. The one package that knows every other (except the command line, which starts it).
 */
package com.webptbridge.engine;
