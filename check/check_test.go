package check

import (
	"strings"
	"testing"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/store"
)

// ev is an event role claim: doc (its own cluster), event, type, role,
// entity, date, place.
func ev(doc, event, typ, role string, entity int64, date string, place int64, text string) store.Claim {
	return store.Claim{Doc: doc, Cluster: doc, Published: "2026-04-22", Kind: "event", Predicate: typ, Event: event, Role: role,
		Subject: entity, Date: date, Place: place, Modality: dossier.Asserted, AttributionKind: dossier.Outlet,
		Evidence: dossier.Evidence{Start: 0, End: len(text), Text: text}}
}

func rel(doc string, s, o int64, mod dossier.Modality, kind dossier.AttributionKind, text string) store.Claim {
	return store.Claim{Doc: doc, Cluster: doc, Kind: "relation", Predicate: "member_of", Subject: s, Object: o, Modality: mod,
		AttributionKind: kind, Evidence: dossier.Evidence{Text: text}}
}

func TestChecks(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fn     func([]store.Claim) []Finding
		claims []store.Claim
		want   int
		kind   string
		inMsg  string
	}{
		{"attends after death", DeadAttendees, []store.Claim{
			ev("d1", "v1", "death", "victim", 7, "2026-03-02", 0, "Commander Imran Wani was killed in Kokernag on March 2."),
			ev("d2", "v1", "meeting", "attendee", 7, "2026-03-20", 9, "Wani addressed a rally in Rawalakot on March 20."),
		}, 1, KindDeadAttendee, "reported dead on 2026-03-02"},
		{"attends before death", DeadAttendees, []store.Claim{
			ev("d1", "v1", "death", "victim", 7, "2026-03-22", 0, "Wani was killed on March 22."),
			ev("d2", "v1", "meeting", "attendee", 7, "2026-03-20", 9, "Wani addressed a rally on March 20."),
			ev("d3", "v1", "meeting", "attendee", 7, "2026-03", 9, "Wani spoke at rallies in March."),
		}, 0, "", ""},
		{"one attack, two dates", EventConflicts, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 3, "2026-04-21", 11, "KFB gunmen attacked the Sheshbal camp on Tuesday."),
			ev("d1", "v1", "attack", "target", 4, "2026-04-21", 11, "KFB gunmen attacked the Sheshbal camp on Tuesday."),
			ev("d2", "v9", "attack", "perpetrator", 3, "2026-04-20", 11, "The camp at Sheshbal was attacked by the KFB on Monday."),
			ev("d2", "v9", "attack", "target", 4, "2026-04-20", 11, "The camp at Sheshbal was attacked by the KFB on Monday."),
		}, 1, KindEventConflict, "dates 2026-04-21 and 2026-04-20"},
		{"one attack, agreeing reports", EventConflicts, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 3, "2026-04-21", 11, "a"),
			ev("d1", "v1", "attack", "target", 4, "2026-04-21", 11, "a"),
			ev("d2", "v2", "attack", "perpetrator", 3, "2026-04-21", 11, "b"),
			ev("d2", "v2", "attack", "target", 4, "2026-04", 11, "b"),
		}, 0, "", ""},
		{"two meetings of the same people, weeks apart", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-02-10", 11, "Qasmi met Nadeem in Bahawalpur on February 10."),
			ev("d1", "v1", "meeting", "attendee", 4, "2026-02-10", 11, "Qasmi met Nadeem in Bahawalpur on February 10."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-03-14", 12, "Qasmi and Nadeem met again in Rawalakot on March 14."),
			ev("d2", "v1", "meeting", "attendee", 4, "2026-03-14", 12, "Qasmi and Nadeem met again in Rawalakot on March 14."),
		}, 0, "", ""},
		{"one shared attendee, days apart, different places", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-04-26", 11, "Qasmi addressed a rally in Rawalakot on Sunday."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-04-24", 12, "Qasmi met tribal elders in Muzaffarabad on Friday."),
		}, 0, "", ""},
		{"same people, same place, dates weeks apart", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-02-10", 11, "Qasmi met Nadeem at the seminary on February 10."),
			ev("d1", "v1", "meeting", "attendee", 4, "2026-02-10", 11, "Qasmi met Nadeem at the seminary on February 10."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-02-24", 11, "The two men met at the seminary on February 24, officials say."),
			ev("d2", "v1", "meeting", "attendee", 4, "2026-02-24", 11, "The two men met at the seminary on February 24, officials say."),
		}, 1, KindEventConflict, "dates 2026-02-10 and 2026-02-24"},
		{"one day, one shared attendee, two places", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-04-26", 11, "Qasmi addressed a rally in Rawalakot on Sunday."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-04-26", 12, "Qasmi met party workers in Hajira on Sunday."),
		}, 0, "", ""},
		{"one day, two shared attendees, two places", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-04-25", 11, "Al-Sahli met Ashraf in Islamabad on Saturday."),
			ev("d1", "v1", "meeting", "attendee", 4, "2026-04-25", 11, "Al-Sahli met Ashraf in Islamabad on Saturday."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-04-25", 12, "Al-Sahli and Ashraf met in Lahore on Saturday."),
			ev("d2", "v1", "meeting", "attendee", 4, "2026-04-25", 12, "Al-Sahli and Ashraf met in Lahore on Saturday."),
		}, 1, KindEventConflict, "places E11 and E12"},
		{"one attendee, one place, a day apart", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-04-26", 11, "Qasmi addressed a rally in Rawalakot on Sunday."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-04-25", 11, "Qasmi addressed a rally in Rawalakot on Saturday."),
		}, 1, KindEventConflict, "dates 2026-04-26 and 2026-04-25"},
		{"the other document also tells of the agreeing meeting", EventConflicts, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 3, "2026-04-26", 11, "Qasmi and Nadeem addressed a rally in Rawalakot on Sunday."),
			ev("d1", "v1", "meeting", "attendee", 4, "2026-04-26", 11, "Qasmi and Nadeem addressed a rally in Rawalakot on Sunday."),
			ev("d2", "v1", "meeting", "attendee", 3, "2026-04-26", 11, "On Sunday Qasmi and Nadeem spoke at a rally in Rawalakot."),
			ev("d2", "v1", "meeting", "attendee", 4, "2026-04-26", 11, "On Sunday Qasmi and Nadeem spoke at a rally in Rawalakot."),
			ev("d2", "v2", "meeting", "attendee", 3, "2026-04-26", 12, "Later that day the two men met party workers in Hajira."),
			ev("d2", "v2", "meeting", "attendee", 4, "2026-04-26", 12, "Later that day the two men met party workers in Hajira."),
		}, 0, "", ""},
		{"a death reported and denied", DisputedDeaths, []store.Claim{
			func() store.Claim {
				c := ev("d1", "v1", "death", "subject", 7, "2026-04-25", 11, "One of the two militants killed above Daksum on Saturday was Imran Wani, police sources said.")
				c.Modality, c.AttributionKind = dossier.Reported, dossier.Anonymous
				return c
			}(),
			func() store.Claim {
				c := ev("d2", "v3", "death", "subject", 7, "2026-04-25", 12, "Imran Wani was not among the two militants killed in Kokernag on Saturday, police said.")
				c.Modality, c.AttributionKind = dossier.Negated, dossier.Organisation
				return c
			}(),
		}, 1, KindDisputedDeath, "E7 is reported killed on 2026-04-25 by 1 source(s)"},
		{"a victim of a gunfight against a denied death", DisputedDeaths, []store.Claim{
			ev("d1", "v1", "attack", "victim", 7, "2026-04-25", 11, "Imran Wani was killed in a gunfight near Kokernag."),
			func() store.Claim {
				c := ev("d2", "v1", "death", "subject", 7, "", 0, "Wani is not dead, police said.")
				c.Modality = dossier.Negated
				return c
			}(),
		}, 1, KindDisputedDeath, "not to be among the dead by 1"},
		{"deaths of one man weeks apart, and one source's own correction", DisputedDeaths, []store.Claim{
			ev("d1", "v1", "death", "subject", 7, "2026-03-01", 11, "Wani was killed on March 1."),
			func() store.Claim {
				c := ev("d2", "v1", "death", "subject", 7, "2026-04-25", 0, "Wani was not among the dead on Saturday.")
				c.Modality = dossier.Negated
				return c
			}(),
			ev("d3", "v1", "death", "subject", 8, "2026-04-25", 11, "Rafiq was killed on Saturday."),
			func() store.Claim {
				c := ev("d3", "v2", "death", "subject", 8, "2026-04-25", 11, "Rafiq was not killed, the paper corrected.")
				c.Modality = dossier.Negated
				return c
			}(),
		}, 0, "", ""},
		{"two places on one day", IncompatibleRoles, []store.Claim{
			ev("d1", "v1", "meeting", "attendee", 5, "2026-04-10", 20, "Baig chaired a meeting in Muzaffarabad on April 10."),
			ev("d2", "v1", "visit", "traveller", 5, "2026-04-10", 21, "Baig was in Doha on April 10, officials said."),
		}, 1, KindTwoPlaces, "on 2026-04-10"},
		{"perpetrator and victim", IncompatibleRoles, []store.Claim{
			ev("d1", "v1", "attack", "perpetrator", 5, "", 0, "Baig attacked the convoy and was killed in it."),
			ev("d1", "v1", "attack", "victim", 5, "", 0, "Baig attacked the convoy and was killed in it."),
		}, 1, KindTwoPlaces, "both perpetrator and victim"},
		{"asserted and denied", AssertedAndDenied, []store.Claim{
			rel("d1", 1, 2, dossier.Asserted, dossier.Named, "Hamza Rafiq is a member of the KFB, the police chief said."),
			rel("d2", 1, 2, dossier.Negated, dossier.Named, "Rafiq has never been a member of the KFB, his lawyer said."),
		}, 1, KindAssertedDenied, "denied by 1"},
		{"anonymous only", AnonymousOnly, []store.Claim{
			rel("d1", 1, 2, dossier.Hedged, dossier.Anonymous, "Rafiq is believed to have joined the KFB, sources said."),
			rel("d2", 1, 2, dossier.Reported, dossier.Anonymous, "Intelligence sources say Rafiq joined the KFB."),
			rel("d3", 1, 6, dossier.Asserted, dossier.Named, "Rafiq joined the union, its secretary said."),
		}, 1, KindAnonymousSource, "only on anonymous sources (2)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := tc.fn(tc.claims)
			if len(got) != tc.want {
				t.Fatalf("%d findings %+v, want %d", len(got), got, tc.want)
			}
			if tc.want == 0 {
				return
			}
			f := got[0]
			if f.Kind != tc.kind || !strings.Contains(f.Message, tc.inMsg) {
				t.Errorf("finding %+v: want kind %s, message with %q", f.Flag, tc.kind, tc.inMsg)
			}
			if len(f.Evidence) < 2 || len(f.Docs) != len(f.Evidence) || f.Evidence[0].Text == "" {
				t.Errorf("finding %+v: want the evidence of both sides with their documents", f)
			}
		})
	}
}

func TestAllOnNothing(t *testing.T) {
	if got := All(nil); len(got) != 0 {
		t.Errorf("All(nil) = %v", got)
	}
}
