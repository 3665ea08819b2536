package resolve

import "testing"

// TestClaimDate checks the dates claims are filed under.
func TestClaimDate(t *testing.T) {
	for in, want := range map[string]string{
		"2026-04-21":            "2026-04-21",
		"2026-04":               "2026-04",
		"2026-W41":              "2026-10-05",
		"2026-W01":              "2025-12-29",
		"2026-04-20/2026-04-22": "2026-04-20",
	} {
		if got := claimDate(in); got != want {
			t.Errorf("claimDate(%q) = %q, want %q", in, got, want)
		}
	}
}
