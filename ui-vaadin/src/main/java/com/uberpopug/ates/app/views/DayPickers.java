package com.uberpopug.ates.app.views;

import com.vaadin.flow.component.datepicker.DatePicker;

/**
 * Date fields that show days as every other figure on the pages does, ISO ({@code 2026-12-03}) with weeks
 * from Monday, whatever language the browser asks for.
 */
final class DayPickers {

    private DayPickers() {
    }

    static DatePicker of(String label) {
        DatePicker picker = new DatePicker(label);
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1));
        picker.setWidth("11em");
        return picker;
    }
}
