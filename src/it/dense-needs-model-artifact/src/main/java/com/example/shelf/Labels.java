package com.example.shelf;

import java.util.List;

/** Lays shelf labels out on A4 sheets. */
public final class Labels {

    static final int PER_SHEET = 24;

    /** How many sheets print these labels. */
    public int sheets(List<String> shelfMarks) {
        return (shelfMarks.size() + PER_SHEET - 1) / PER_SHEET;
    }
}
