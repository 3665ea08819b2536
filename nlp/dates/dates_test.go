package dates

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// ref is the publication date of the tests: Thursday 24 April 2025.
var ref = time.Date(2025, 4, 24, 9, 30, 0, 0, time.UTC)

func TestRefIsThursday(t *testing.T) {
	if ref.Weekday() != time.Thursday {
		t.Fatalf("ref %v is a %v", ref, ref.Weekday())
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		expr  string
		tense Tense
		want  string // value; "" when expr is not a date
		prec  Precision
	}{
		// Weekdays
		{"Tuesday", Past, "2025-04-22", Day},
		{"on Tuesday", Past, "2025-04-22", Day},
		{"Thursday", Past, "2025-04-24", Day},
		{"Thursday", Future, "2025-04-24", Day},
		{"Tuesday", Future, "2025-04-29", Day},
		{"Friday", Past, "2025-04-18", Day},
		{"last Tuesday", Past, "2025-04-22", Day},
		{"last Thursday", Past, "2025-04-17", Day},
		{"next Friday", Past, "2025-04-25", Day},
		{"next Thursday", Past, "2025-05-01", Day},
		{"this Saturday", Future, "2025-04-26", Day},
		{"Tuesday night", Past, "2025-04-22", Day},
		{"Tuesday, April 22", Past, "2025-04-22", Day},
		{"Tuesday (April 22, 2025)", Past, "2025-04-22", Day},
		{"on Tues.", Past, "2025-04-22", Day},
		// Deictic days
		{"today", Past, "2025-04-24", Day},
		{"yesterday", Past, "2025-04-23", Day},
		{"tomorrow", Past, "2025-04-25", Day},
		{"yesterday morning", Past, "2025-04-23", Day},
		{"last night", Past, "2025-04-23", Day},
		{"this morning", Past, "2025-04-24", Day},
		{"the day before yesterday", Past, "2025-04-22", Day},
		// Weeks, months and years relative to ref
		{"this week", Past, "2025-W17", Week},
		{"last week", Past, "2025-W16", Week},
		{"next week", Past, "2025-W18", Week},
		{"in February", Past, "2025-02", Month},
		{"in April", Past, "2025-04", Month},
		{"in June", Past, "2024-06", Month},
		{"in June", Future, "2025-06", Month},
		{"in February", Future, "2026-02", Month},
		{"February", Past, "2025-02", Month},
		{"in May", Past, "2024-05", Month},
		{"last February", Past, "2025-02", Month},
		{"last April", Past, "2024-04", Month},
		{"next March", Past, "2026-03", Month},
		{"early March", Past, "2025-03", Month},
		{"mid-March", Past, "2025-03", Month},
		{"mid-March 2024", Past, "2024-03", Month},
		{"last year", Past, "2024", Year},
		{"this year", Past, "2025", Year},
		{"next year", Past, "2026", Year},
		{"late last year", Past, "2024", Year},
		{"next month", Past, "2025-05", Month},
		{"last month", Past, "2025-03", Month},
		{"earlier this month", Past, "2025-04", Month},
		{"two days ago", Past, "2025-04-22", Day},
		{"2 days ago", Past, "2025-04-22", Day},
		{"three weeks ago", Past, "2025-W14", Week},
		{"a year ago", Past, "2024", Year},
		{"two months ago", Past, "2025-02", Month},
		{"three decades ago", Past, "199X", Decade},
		// Absolute dates
		{"October 2023", Past, "2023-10", Month},
		{"October, 2023", Past, "2023-10", Month},
		{"October 7, 2024", Past, "2024-10-07", Day},
		{"October 7th, 2024", Past, "2024-10-07", Day},
		{"7 October 2024", Past, "2024-10-07", Day},
		{"7 Oct 2024", Past, "2024-10-07", Day},
		{"7th of October 2024", Past, "2024-10-07", Day},
		{"September 11, 2001", Past, "2001-09-11", Day},
		{"2026-04-21", Past, "2026-04-21", Day},
		{"21/04/2026", Past, "2026-04-21", Day},
		{"04/21/2026", Past, "2026-04-21", Day},
		{"05/04/2026", Past, "2026-04-05", Day},
		{"5/4/26", Past, "2026-04-05", Day},
		{"2025-04", Past, "2025-04", Month},
		{"2023", Past, "2023", Year},
		{"in 2023", Past, "2023", Year},
		{"since 1857", Past, "1857", Year},
		{"1990s", Past, "199X", Decade},
		{"'90s", Past, "199X", Decade},
		{"mid-2024", Past, "2024", Year},
		{"mid-1990s", Past, "199X", Decade},
		// Month and day without a year
		{"Oct. 7", Past, "2024-10-07", Day},
		{"Sept. 11", Past, "2024-09-11", Day},
		{"April 21", Past, "2025-04-21", Day},
		{"April 28", Past, "2025-04-28", Day},
		{"May 10", Past, "2024-05-10", Day},
		{"May 10", Future, "2025-05-10", Day},
		{"21st April", Past, "2025-04-21", Day},
		{"Feb 29", Past, "2024-02-29", Day},
		// Ranges
		{"between April 20 and 22", Past, "2025-04-20/2025-04-22", Day},
		{"from 2019 to 2021", Past, "2019/2021", Year},
		{"between 2019 and 2021", Past, "2019/2021", Year},
		{"2019-2021", Past, "2019/2021", Year},
		{"2020-21", Past, "2020/2021", Year},
		{"April 20-22", Past, "2025-04-20/2025-04-22", Day},
		{"20-22 April 2024", Past, "2024-04-20/2024-04-22", Day},
		{"from March to May 2024", Past, "2024-03/2024-05", Month},
		{"between March and May", Past, "2025-03/2025-05", Month},
		{"from October 2023 to March 2024", Past, "2023-10/2024-03", Month},
		// Capitals
		{"ON TUESDAY", Past, "2025-04-22", Day},
		{"4 FEB 90", Past, "1990-02-04", Day},
		{"12 MAR 25", Past, "2025-03-12", Day},
		{"1 JAN 35", Past, "2035-01-01", Day},
		{"1 JAN 36", Past, "1936-01-01", Day},
		{"OCTOBER 7, 2024", Past, "2024-10-07", Day},
		{"LAST YEAR", Past, "2024", Year},
		{"IN MAY", Past, "2024-05", Month},
		// Not dates
		{"May", Past, "", 0},
		{"March", Past, "", 0},
		{"may", Past, "", 0},
		{"in may", Past, "", 0},
		{"1,200", Past, "", 0},
		{"10:30", Past, "", 0},
		{"5", Past, "", 0},
		{"the", Past, "", 0},
		{"555-1234", Past, "", 0},
		{"31/02/2026", Past, "", 0},
		{"2000 troops", Past, "", 0},
		{"$2025", Past, "", 0},
		{"3000", Past, "", 0},
		{"", Past, "", 0},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%v", tt.expr, tt.tense), func(t *testing.T) {
			v, ok := Resolve(tt.expr, ref, tt.tense)
			if tt.want == "" {
				if ok {
					t.Errorf("Resolve(%q) = %+v, want no date", tt.expr, v)
				}
				return
			}
			if !ok {
				t.Fatalf("Resolve(%q) found no date, want %s", tt.expr, tt.want)
			}
			if v.Value != tt.want || v.Precision != tt.prec {
				t.Errorf("Resolve(%q) = %s (%v), want %s (%v)", tt.expr, v.Value, v.Precision, tt.want, tt.prec)
			}
			if v.Range != strings.Contains(tt.want, "/") {
				t.Errorf("Resolve(%q).Range = %v", tt.expr, v.Range)
			}
			if tt.expr[v.Start:v.End] != v.Text {
				t.Errorf("Resolve(%q): text %q at [%d,%d)", tt.expr, v.Text, v.Start, v.End)
			}
		})
	}
}

func TestFind(t *testing.T) {
	tests := []struct {
		in   string
		want []string // "text=value"
	}{
		{"Theresa May met officials on Tuesday.", []string{"Tuesday=2025-04-22"}},
		{"Officials may have met in March, and troops will march on Friday.",
			[]string{"March=2025-03", "Friday=2025-04-25"}},
		{"The ministers will meet on Tuesday.", []string{"Tuesday=2025-04-29"}},
		{"On Tuesday, the minister will visit Kabul.", []string{"Tuesday=2025-04-29"}},
		{"He said on Tuesday that he will resign.", []string{"Tuesday=2025-04-22"}},
		{"Tuesday's attack killed 1,200 people in 2019.", []string{"Tuesday=2025-04-22", "2019=2019"}},
		{"Militancy grew in the 1990s and again in the '90s revival.", []string{"1990s=199X", "'90s=199X"}},
		{"Call 555-1234 at 10:30 on 2026-04-21 about case No. 2024.", []string{"2026-04-21=2026-04-21"}},
		{"Some 2000 troops arrived and $2025 was paid; 12 died.", nil},
		{"NEW DELHI, April 22 (FNA) — Four soldiers were killed.", []string{"April 22=2025-04-22"}},
		{"ON TUESDAY THE ARMY SAID 4 FEB 90 WAS THE DATE.", []string{"TUESDAY=2025-04-22", "4 FEB 90=1990-02-04"}},
		{"The talks, held from April 20 to 22, ended between 2019 and 2021 plans.",
			[]string{"from April 20 to 22=2025-04-20/2025-04-22", "between 2019 and 2021=2019/2021"}},
		{"The summit is scheduled for May 10 in Delhi.", []string{"May 10=2025-05-10"}},
		{"The group was founded on 7 October 2024 and banned last year.",
			[]string{"7 October 2024=2024-10-07", "last year=2024"}},
		{"The Sunday Times reported on Good Friday that Bloody Sunday was recalled.", nil},
		{"He read the Sun. Then on Sun., Jan. 5 he left.", []string{"Sun., Jan. 5=2025-01-05"}},
		{"Officials Tuesday denied it. Tuesday was quiet.", []string{"Tuesday=2025-04-22", "Tuesday=2025-04-22"}},
		{"Mar Thoma and Jan Kumar met; UN Resolution 2231 and Rs 2000 were cited in the 2024 polls.",
			[]string{"2024=2024"}},
		{"He visited Pahalgam two days ago and will return next month.",
			[]string{"two days ago=2025-04-22", "next month=2025-05"}},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range Find(tt.in, ref) {
			if tt.in[v.Start:v.End] != v.Text {
				t.Errorf("Find(%q): text %q at [%d,%d)", tt.in, v.Text, v.Start, v.End)
			}
			got = append(got, v.Text+"="+v.Value)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Find(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

func TestValueDate(t *testing.T) {
	v, ok := Resolve("on Thursday", ref, Past)
	if !ok {
		t.Fatal("no date")
	}
	d := v.Date()
	if d.Text != "Thursday" || d.Value != "2025-04-24" || d.Precision != "day" || d.Start != 3 || d.End != 11 {
		t.Errorf("Date() = %+v", d)
	}
}
