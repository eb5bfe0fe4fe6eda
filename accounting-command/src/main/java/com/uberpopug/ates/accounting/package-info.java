/**
 * Accounting: task prices, the account aggregate, the business day with its persistent deadline, the
 * daily close, payouts, and the payments and mail adapters. It learns of tasks and popugs only from
 * their events on Kafka, never by calling the other modules.
 */
package com.uberpopug.ates.accounting;
