package com.uberpopug.ates.accounting;

/** Opens the first business day on the very first start of the system (module-internal). */
record StartBusinessCalendar(String calendarId) {
}
