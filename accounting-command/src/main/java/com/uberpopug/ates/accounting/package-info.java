/**
 * Accounting: pricing, the account aggregate, the business day with its persistent deadline,
 * payouts, and the payments and mail adapters. Arrives with the accounting issue; it will learn of
 * tasks and popugs only from Kafka.
 */
package com.uberpopug.ates.accounting;
