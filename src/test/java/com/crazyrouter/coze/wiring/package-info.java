/**
 * Cucumber wiring: the one run per JVM (settings, client, stub gateway, preflight, ledger), its summary when it ends,
 * and the Cucumber plugins that show progress, failure reasons and default groups.
 */
package com.crazyrouter.coze.wiring;
