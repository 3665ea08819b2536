package dates

import (
	"testing"
	"time"
)

// TestWeekStart checks the Monday of ISO week values, and that other
// values are refused.
func TestWeekStart(t *testing.T) {
	for in, want := range map[string]string{"2026-W41": "2026-10-05", "2026-W01": "2025-12-29", "2020-W53": "2020-12-28"} {
		if got, ok := WeekStart(in); !ok || got.Format(time.DateOnly) != want {
			t.Errorf("WeekStart(%q) = %v, %v; want %s", in, got, ok, want)
		}
	}
	for _, in := range []string{"2026-10-05", "2026", "2026-W", "2026-W60"} {
		if _, ok := WeekStart(in); ok {
			t.Errorf("WeekStart(%q) accepted", in)
		}
	}
}
