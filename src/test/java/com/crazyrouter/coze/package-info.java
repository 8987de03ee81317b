/**
 * The contract's entry: the JUnit Platform suite that runs the features, and the launch a child JVM uses.
 * Layers, bottom up: guide and text; config; transport; route and stubs; setup and contract; run; models; report;
 * wiring; steps. A package imports only those below it (docs/ARCHITECTURE.md).
 */
package com.crazyrouter.coze;
