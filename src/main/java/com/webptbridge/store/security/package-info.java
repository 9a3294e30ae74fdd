/**
 * Who may use the API: accounts with their roles, stored as hashes only (passwords, bearer
 * tokens and the console's sessions), and the access log of who read patient data or changed something. Knows no HTTP.
 */
package com.webptbridge.store.security;
