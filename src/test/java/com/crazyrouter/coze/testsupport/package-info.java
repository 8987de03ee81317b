/**
 * Fixtures for the harness's own tests only: scripted and hostile gateways, the local gateway on loopback, a child
 * JVM run and an in-process run of the features, and the search for a leaked token.
 */
package com.crazyrouter.coze.testsupport;
