/**
 * Wiring only: settings, the beans the routes name, and start/stop of Camel, the HTTP API and the
 * database. The one package that knows every other (except the command line, which starts it).
 * {@code BridgeEngine} holds the start and stop order; each part is a small class: the route
 * templates ({@code CamelRoutes}), the MLLP and HTTP listener options ({@code MllpOptions},
 * {@code HttpOptions}, {@code PlainRemoteHttp}, {@code TlsStores}, {@code BindErrors}), the interfaces' beans and routes
 * ({@code InterfaceWiring}, {@code InterfaceRuntime}, {@code InterfaceFolder}), readiness,
 * recovery, retention, backups, the daily reports ({@code DailyReportJob}) and metrics.
 */
package com.webptbridge.engine;
