package ingest

import (
	"testing"
	"time"
)

func TestParseDateline(t *testing.T) {
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		text                    string
		ref                     time.Time
		ok                      bool
		place, agency, dateText string
		date                    time.Time
		covered                 string // text[Span]
	}{
		{text: "NEW DELHI, April 24 (IANS) — Police said.", ref: ref, ok: true, place: "New Delhi", agency: "IANS", dateText: "April 24", date: day(2026, 4, 24), covered: "NEW DELHI, April 24 (IANS) —"},
		{text: "NEW DELHI, April 24 (IANS) - Police said.", ref: ref, ok: true, place: "New Delhi", agency: "IANS", dateText: "April 24", date: day(2026, 4, 24), covered: "NEW DELHI, April 24 (IANS) -"},
		{text: "GUAYAQUIL, Ecuador, March 10 (Andean Post) -- Officers said.", ref: ref, ok: true, place: "Guayaquil", agency: "Andean Post", dateText: "March 10", date: day(2026, 3, 10), covered: "GUAYAQUIL, Ecuador, March 10 (Andean Post) --"},
		{text: "BUNIA, Democratic Republic of Congo, March 6 (Great Lakes Monitor) — Fighters killed.", ref: ref, ok: true, place: "Bunia", agency: "Great Lakes Monitor", dateText: "March 6", date: day(2026, 3, 6), covered: "BUNIA, Democratic Republic of Congo, March 6 (Great Lakes Monitor) —"},
		{text: "COTABATO CITY, Philippines, Feb. 16 (Mindanao Wire) - A bomb exploded.", ref: ref, ok: true, place: "Cotabato City", agency: "Mindanao Wire", dateText: "Feb. 16", date: day(2026, 2, 16), covered: "COTABATO CITY, Philippines, Feb. 16 (Mindanao Wire) -"},
		{text: "- NEW DELHI — Police said.", ref: ref, ok: true, place: "New Delhi", covered: "NEW DELHI —"},
		{text: "ISLAMABAD (Reuters) - Pakistan said.", ref: ref, ok: true, place: "Islamabad", agency: "Reuters", covered: "ISLAMABAD (Reuters) -"},
		{text: "Srinagar, Feb 3: Snow closed the highway.", ref: ref, ok: true, place: "Srinagar", dateText: "Feb 3", date: day(2026, 2, 3), covered: "Srinagar, Feb 3:"},
		{text: "KARACHI, 24 April 2025 (AFP) – Police arrested a man.", ref: ref, ok: true, place: "Karachi", agency: "AFP", dateText: "24 April 2025", date: day(2025, 4, 24), covered: "KARACHI, 24 April 2025 (AFP) –"},
		{text: "  \nMUZAFFARABAD, Sept. 9, 2025 (Capital Wire) -- Officials said.", ref: ref, ok: true, place: "Muzaffarabad", agency: "Capital Wire", dateText: "Sept. 9, 2025", date: day(2025, 9, 9), covered: "MUZAFFARABAD, Sept. 9, 2025 (Capital Wire) --"},
		{text: "SRINAGAR: Police said.", ref: ref, ok: true, place: "Srinagar", covered: "SRINAGAR:"},
		{text: "New Delhi (PTI) - The minister said.", ref: ref, ok: true, place: "New Delhi", agency: "PTI", covered: "New Delhi (PTI) -"},
		// Year inference: the latest date on or before ref + 1 day.
		{text: "JAMMU, Dec 30 (FNA) — Snow fell.", ref: day(2026, 1, 2), ok: true, place: "Jammu", agency: "FNA", dateText: "Dec 30", date: day(2025, 12, 30), covered: "JAMMU, Dec 30 (FNA) —"},
		{text: "JAMMU, Jan 3 (FNA) — Snow fell.", ref: day(2026, 1, 2), ok: true, place: "Jammu", agency: "FNA", dateText: "Jan 3", date: day(2026, 1, 3), covered: "JAMMU, Jan 3 (FNA) —"},
		{text: "JAMMU, Jan 4 (FNA) — Snow fell.", ref: day(2026, 1, 2), ok: true, place: "Jammu", agency: "FNA", dateText: "Jan 4", date: day(2025, 1, 4), covered: "JAMMU, Jan 4 (FNA) —"},
		{text: "JAMMU, Feb 29 (FNA) — A leap day.", ref: day(2026, 3, 1), ok: true, place: "Jammu", agency: "FNA", dateText: "Feb 29", date: day(2024, 2, 29), covered: "JAMMU, Feb 29 (FNA) —"},
		{text: "JAMMU, Feb 30 (FNA) — No such day.", ref: ref, ok: false},
		// Not datelines.
		{text: "Police said on Tuesday that nine people were killed.", ref: ref, ok: false},
		{text: "However, officials said - in private - that the toll was higher.", ref: ref, ok: false},
		{text: "Srinagar — a city under curfew.", ref: ref, ok: false},
		{text: "UPDATE: The toll has risen to nine.", ref: ref, ok: false},
		{text: "The Lashkar-e-Qahhar (LeQ) - a banned group - denied it.", ref: ref, ok: false},
		{text: "ISLAMABAD (sources said) - nothing.", ref: ref, ok: false},
		{text: "The Army (IA) - said on Monday.", ref: ref, ok: false},
		{text: "Police (Srinagar) - a statement.", ref: ref, ok: false},
		{text: "", ref: ref, ok: false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			dl, ok := ParseDateline(tt.text, tt.ref)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v (%+v)", ok, tt.ok, dl)
			}
			if !ok {
				return
			}
			if dl.Place != tt.place || dl.Agency != tt.agency || dl.DateText != tt.dateText || !dl.Date.Equal(tt.date) {
				t.Errorf("got place %q agency %q date %q %v, want %q %q %q %v", dl.Place, dl.Agency, dl.DateText, dl.Date, tt.place, tt.agency, tt.dateText, tt.date)
			}
			if !dl.Span.Valid(len(tt.text)) || tt.text[dl.Span.Start:dl.Span.End] != tt.covered {
				t.Errorf("span %v covers %q, want %q", dl.Span, tt.text[max(0, dl.Span.Start):min(len(tt.text), dl.Span.End)], tt.covered)
			}
		})
	}
}

func TestParseDatelineZeroRef(t *testing.T) {
	dl, ok := ParseDateline("SRINAGAR, April 21 (FNA) — Gunmen opened fire.", time.Time{})
	if !ok || dl.Date.Year() != time.Now().Year() {
		t.Errorf("got %+v, %v; want a date in the current year", dl, ok)
	}
}
