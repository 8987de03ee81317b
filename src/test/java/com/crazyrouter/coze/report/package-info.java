/**
 * The report: Allure steps, attachments, labels, categories and history, the run ledger and its verdict, and the
 * summary page a manager reads; the run history and what changed since the previous run (RunHistory, RunChanges), and
 * the stable scenario id it and Allure follow (ScenarioKey). It implements the Evidence and ScenarioGrouping the layers
 * below report through.
 */
package com.crazyrouter.coze.report;
