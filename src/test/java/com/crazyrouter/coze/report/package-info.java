/**
 * The report: Allure steps, attachments, labels, categories and history, the run ledger and its verdict, and the
 * summary page a manager reads. It implements the Evidence and ScenarioGrouping the layers below report through.
 */
package com.crazyrouter.coze.report;
