/**
 * The HTTP admin API (JSON): patients, the message journal, health. The only package that knows
 * HTTP; it reads through the store and changes nothing in this version.
 */
package com.webptbridge.api;
