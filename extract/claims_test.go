package extract

import (
	"strings"
	"testing"
	"time"

	"github.com/dossier-osint/dossier"
	"github.com/dossier-osint/dossier/events"
	"github.com/dossier-osint/dossier/nlp"
)

// annotate runs the language layer and the entity stage over s, as the
// pipeline does, with a publication date of Friday 24 April 2026.
func annotate(t *testing.T, s string) (*nlp.Doc, *dossier.Extraction) {
	t.Helper()
	return annotateEvents(t, s, false)
}

// annotateEvents is annotate, with the event stage too when withEvents.
func annotateEvents(t *testing.T, s string, withEvents bool) (*nlp.Doc, *dossier.Extraction) {
	t.Helper()
	pub := time.Date(2026, 4, 24, 0, 0, 0, 0, time.UTC)
	d := nlp.Annotate(s, pub)
	CompleteMentions(d)
	doc := &dossier.Document{Text: s, Agency: "FNA", Published: pub}
	ex := dossier.NewExtraction(doc, "test")
	ex.Entities = Entities(d)
	if withEvents {
		ex.Events = events.Extract(d, ex.Entities)
	}
	Claims(d, doc, ex, nil)
	return d, ex
}

// entityName returns the name of the entity with the given id.
func entityName(ex *dossier.Extraction, id string) string {
	for _, e := range ex.Entities {
		if e.ID == id {
			return e.Name
		}
	}
	return ""
}

func TestQuotes(t *testing.T) {
	type want struct {
		speaker, cue, recipient, starts string
	}
	tests := []struct {
		name string
		text string
		want []want
	}{
		{"speaker after", `"We will find every one of them," Inspector General Sunita Rao told reporters on Monday.`,
			[]want{{"Sunita Rao", "told", "", "We will find every one"}}},
		{"speaker before with recipient", `Sunita Rao told FNA: "The men crossed the river at night and we lost them in the forest."`,
			[]want{{"Sunita Rao", "told", "FNA", "The men crossed the river"}}},
		{"inverted speaker", `"The plan was approved in February," said Vikram Sethi, the district magistrate.`,
			[]want{{"Vikram Sethi", "said", "", "The plan was approved"}}},
		{"pronoun", "Vikram Sethi, the district magistrate, arrived at the site on Friday.\n\n\"Nobody will be allowed near the site until the search is over,\" he said.",
			[]want{{"Vikram Sethi", "said", "", "Nobody will be allowed"}}},
		{"same paragraph continuation", `"The road was closed for six hours," Sunita Rao said. "We will reopen it when the bomb squad is done."`,
			[]want{{"Sunita Rao", "said", "", "The road was closed"}, {"Sunita Rao", "said", "", "We will reopen it"}}},
		{"multi-paragraph", "\"The first part of what I have to say runs on for a while.\n\n\"And the second part ends here,\" Sunita Rao said.",
			[]want{{"Sunita Rao", "said", "", "The first part of what"}}},
		{"anonymous", `"The plan was approved in February," said one of the officials, who spoke on condition of anonymity.`,
			[]want{{"", "said", "", "The plan was approved"}}},
		{"the statement of the body the sentence before was about", "The Sahel Water Alliance confirmed that a man had been arrested by the Brigade Nationale Antiterroriste.\n\n\"The individual was arrested on the basis of precise intelligence,\" said the statement.",
			[]want{{"Sahel Water Alliance", "said", "", "The individual was arrested"}}},
		{"speaking from a place", `"Our first thoughts are with the families of the two men," the spokeswoman, Charlene Vosloo, said by telephone from Johannesburg.`,
			[]want{{"Charlene Vosloo", "said", "", "Our first thoughts are"}}},
		{"the noun the text described the speaker by", "The petition was filed by Me Emmanuel Tchouta Fokam, a Maroua lawyer.\n\n\"He is not one of them, and whoever writes otherwise puts his life in danger,\" the lawyer told reporters.",
			[]want{{"Emmanuel Tchouta Fokam", "told", "", "He is not one of"}}},
		{"an unnamed source whose reasons name him", "Governor Armindo Nhantumbo met the ambassador on Wednesday.\n\nA Mozambican army officer in Pemba, who asked not to be identified because he was not allowed to speak to foreign media, said the kidnappers were moving. \"They know the bush and we do not,\" he said.",
			[]want{{"", "said", "", "They know the bush"}}},
		{"a title whose holder is known later", "Portugal's ambassador to Mozambique, Margarida Teles-Rebelo, flew to Pemba on Wednesday.\n\n\"I came to Pemba to listen. Every day counts,\" the ambassador said.\n\nShe declined to answer questions about a ransom. \"There are no Portuguese soldiers looking for anyone,\" she said.",
			[]want{{"Margarida Teles-Rebelo", "said", "", "I came to Pemba"}, {"Margarida Teles-Rebelo", "said", "", "There are no Portuguese"}}},
		{"a first name given in apposition", "In Farach, a shopkeeper who gave only her first name, Oumou, said the gunmen had fired into the air. \"They spoke to the driver in Tamasheq,\" she said.",
			[]want{{"Oumou", "said", "", "They spoke to the driver"}}},
		{"a speaker whose quote names another", "The charity's doctor, Mette Holm, was kidnapped last week.\n\nIn Copenhagen, Denmark's foreign minister, Rasmus Vindelov, declined to comment on the numbers. \"Every figure in a newspaper is also read by the people holding Mette,\" he told the radio.",
			[]want{{"Rasmus Vindelov", "told", "", "Every figure in a newspaper"}}},
		{"an unnamed person who acts, then speaks", "Police arrested Moussa Sidi on Monday.\n\nIn Bamako, a Malian security official welcomed the arrest. \"Nouakchott has understood that this group is not only our problem,\" he said.",
			[]want{{"", "said", "", "Nouakchott has understood"}}},
		{"title to a country before the holder", `"We have information that she is alive," Kenya's ambassador to Mali, Joseph Kiprono, said on Saturday.`,
			[]want{{"Joseph Kiprono", "said", "", "We have information that"}}},
		{"title of a place before the holder", `"We condemn this crime against our guests," said the governor of Kidal, Moussa Ag Intalla.`,
			[]want{{"Moussa Ag Intalla", "said", "", "We condemn this crime"}}},
		{"a country speaks through a body", `"We are aware of reports that a citizen has been detained," Canada's foreign ministry said.`,
			[]want{{"", "said", "", "We are aware of reports"}}},
		{"the organisation after the quote", "Fatou Ndiaye, an official of the Sahel Water Alliance, said: \"We want them home.\"\n\n\"We are working with the Malian authorities,\" the Sahel Water Alliance said.",
			[]want{{"Fatou Ndiaye", "said", "", "We want them home"}, {"Sahel Water Alliance", "said", "", "We are working with"}}},
		{"pronoun after an anonymous speaker and a new name", "Desert Brigade spokesman Abu Yahya told FNA: \"The foreigners are in good health.\"\n\n\"We will release them when our demands are met,\" the spokesman said.\n\nThe group's leader, Hamadou Ag Ossad, appeared in the video. \"We do not want money,\" he said.",
			[]want{{"Abu Yahya", "told", "FNA", "The foreigners are in"}, {"Abu Yahya", "said", "", "We will release them"}, {"Hamadou Ag Ossad", "said", "", "We do not want money"}}},
		{"pronoun after a paragraph about somebody else", "Desert Brigade spokesman Abu Yahya told FNA: \"The foreigners are in good health.\"\n\nThe group's leader, Hamadou Ag Ossad, appeared in the video.\n\n\"We do not want money,\" he said.",
			[]want{{"Abu Yahya", "told", "FNA", "The foreigners are in"}, {"Hamadou Ag Ossad", "said", "", "We do not want money"}}},
		{"the organisation's titled person", "Desert Brigade leader Hamadou Ag Ossad appeared in the video.\n\n\"The foreigners are our guests,\" the Desert Brigade leader added. \"We will not harm them if our demands are met,\" the group's leader said.\n\n\"We are in contact with the kidnappers,\" the FNA director said.",
			[]want{{"Hamadou Ag Ossad", "added", "", "The foreigners are our"}, {"Hamadou Ag Ossad", "said", "", "We will not harm them"}, {"", "said", "", "We are in contact with"}}},
		{"the organisation's person", `"Our colleagues are humanitarians," said SWA's Marie Lambert.`,
			[]want{{"Marie Lambert", "said", "", "Our colleagues are humanitarians"}}},
		{"a relative named in apposition", `"She only wanted to bring water to villages," the brother of one of the hostages, Ibrahima Diop, told reporters.`,
			[]want{{"Ibrahima Diop", "told", "", "She only wanted to bring"}}},
		{"quoted as saying", `"Our colleagues are humanitarians," an SWA statement quoted country director Marie Lambert as saying.`,
			[]want{{"Marie Lambert", "saying", "", "Our colleagues are humanitarians"}}},
		{"the organisation's short name and a place before the title", "Four staff of the Sahel Water Alliance were kidnapped.\n\n\"We are in shock,\" said the Alliance's Mali director, Paul Girard.",
			[]want{{"Paul Girard", "said", "", "We are in shock"}}},
		{"the agent of a passive cue", `The fifth captive was described by Abu Dujana as "a French spy working for the organisation".`,
			[]want{{"Abu Dujana", "described", "", "a French spy working"}}},
		{"a colon after the speaker's clause", `Security Minister Daoud Maiga spoke on Friday. Maiga was blunt: "The terrorists are lying to raise their price."`,
			[]want{{"Daoud Maiga", "", "", "The terrorists are lying"}}},
		{"curly marks", "“The shooting lasted ten minutes and then they were gone,” Farida Khan said.",
			[]want{{"Farida Khan", "said", "", "The shooting lasted"}}},
		{"scare quotes are not quotes", `The group called the killings "a warning" in a statement.`, nil},
		{"speaker in the paragraph before, after a colon", "Sunita Rao told FNA on Monday:\n\n\"The men crossed the river at night and we lost them in the forest.\"",
			[]want{{"Sunita Rao", "told", "FNA", "The men crossed the river"}}},
		{"participial apposition", `The defence minister, Moussa Coulibaly, speaking to reporters in Bamako, said: "This cowardly attack will not go unpunished."`,
			[]want{{"Moussa Coulibaly", "said", "", "This cowardly attack"}}},
		{"unnamed relative", `Rather's family denied the charge. His wife said he had "never carried anything but apples and walnuts".`,
			[]want{{"", "said", "", "never carried anything"}}},
		{"according to after the quote", `"The convoy was ambushed twice before it reached the town," according to Farida Khan.`,
			[]want{{"Farida Khan", "", "", "The convoy was ambushed"}}},
		{"title after a country's possessive", "Niger's interior minister, Hama Souley, visited Agadez on Monday.\n\n\"We will find them wherever they are,\" the minister said.",
			[]want{{"Hama Souley", "said", "", "We will find them"}}},
		{"guillemets", `« Nous ferons tout pour les retrouver », said Governor Daouda Maiga.`,
			[]want{{"Daouda Maiga", "said", "", "Nous ferons tout"}}},
		{"short quote closed by a comma", `"Bring them home," Awa Sarr pleaded at a news conference in Dakar.`,
			[]want{{"Awa Sarr", "pleaded", "", "Bring them home"}}},
		{"organisation's spokesman named in apposition", `"They are alive," a Katibat al-Rimal spokesman, Abu Yahya, said in an audio message.`,
			[]want{{"Abu Yahya", "said", "", "They are alive"}}},
		{"holder in apposition after an organisation's title", `"Our thoughts are with our colleagues and their families," Sahel Water Aid's country director, Marie Lambert, said.`,
			[]want{{"Marie Lambert", "said", "", "Our thoughts are with"}}},
		{"title of a place, then the holder", `Governor of Menaka Daouda Maiga told reporters by telephone: "Everything is being done to find them and bring them home."`,
			[]want{{"Daouda Maiga", "told", "", "Everything is being done"}}},
		{"the charity and the group", "Sahel Water Aid (SWA), a Canadian charity, lost four staff. Katibat al-Rimal, an armed group, claimed the abduction.\n\n\"We have had no contact with the kidnappers at all,\" the charity said.",
			[]want{{"Sahel Water Aid", "said", "", "We have had no contact"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex := annotate(t, tt.text)
			if len(ex.Quotes) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d", len(ex.Quotes), ex.Quotes, len(tt.want))
			}
			for i, w := range tt.want {
				q := ex.Quotes[i]
				if got := entityName(ex, q.Speaker); got != w.speaker {
					t.Errorf("quote %d: speaker %q, want %q (entities %+v)", i, got, w.speaker, ex.Entities)
				}
				if q.Cue != w.cue {
					t.Errorf("quote %d: cue %q, want %q", i, q.Cue, w.cue)
				}
				if got := entityName(ex, q.Recipient); got != w.recipient {
					t.Errorf("quote %d: recipient %q, want %q", i, got, w.recipient)
				}
				if !strings.HasPrefix(q.Text, w.starts) {
					t.Errorf("quote %d: text %q, want it to start %q", i, q.Text, w.starts)
				}
				if tt.text[q.Start:q.End] != q.Text {
					t.Errorf("quote %d: offsets [%d,%d) do not hold its text", i, q.Start, q.End)
				}
			}
		})
	}
}

func TestQuoteDate(t *testing.T) {
	_, ex := annotate(t, `"We will find every one of them," Sunita Rao told reporters on Tuesday.`)
	if len(ex.Quotes) != 1 || ex.Quotes[0].Date == nil || ex.Quotes[0].Date.Value != "2026-04-21" {
		t.Fatalf("quote date = %+v, want Tuesday resolved to 2026-04-21", ex.Quotes)
	}
}

func TestSpeeches(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		kind    dossier.AttributionKind
		source  string
		word    string // a word inside the scope
		outside string // a word outside it ("" for none)
		negates bool
	}{
		{"anonymous sources", "Sources reveal that the commander trained the recruits in Muzaffarabad.", dossier.Anonymous, "", "trained", "", false},
		{"denial", "Pakistan has always denied that the bureau supports militant groups.", dossier.Organisation, "Pakistan", "supports", "", true},
		{"according to", "The meeting took place in a seminary, according to two officials.", dossier.Anonymous, "", "meeting", "", false},
		{"said at the end", "The men were trained near the border, the officials said.", dossier.Anonymous, "", "trained", "", false},
		{"named with apposition", "Arvind Menon, a senior fellow at the Centre for Frontier Studies, said links between the groups were old.", dossier.Named, "Arvind Menon", "links", "fellow", false},
		{"ministry", "The ministry said the camps had been closed.", dossier.Organisation, "", "closed", "", false},
		{"sources close to", "The men were trained near the border, sources close to the investigation said.", dossier.Anonymous, "", "trained", "", false},
		{"coordinated sources", "Gunmen kidnapped four employees of Sahel Water Aid on Sunday, the charity and local officials said.", dossier.Organisation, "Sahel Water Aid", "kidnapped", "", false},
		{"acronym after the source", "The money paid for the training of the men, the Central Counter-Terrorism Agency (CCTA) said on Tuesday.", dossier.Organisation, "Central Counter-Terrorism Agency", "training", "", false},
		{"place after the source", "Police in Karachi said on Tuesday that they had arrested a man.", dossier.Organisation, "", "arrested", "", false},
		{"portfolio minister", "Communication Minister Paul Yameogo told a news conference in Ouagadougou that the nurse had been released.", dossier.Named, "Paul Yameogo", "released", "", false},
		{"portfolio minister taken for an organisation", "Interior Minister Paul Yameogo told reporters that the nurse had been released.", dossier.Named, "Paul Yameogo", "released", "", false},
		{"the organisation with its article", "The Sahel Water Alliance said the four had been taken towards Ansongo.", dossier.Organisation, "Sahel Water Alliance", "taken", "", false},
		{"a body without a name", "The gendarmerie said the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"participle between source and verb", "Residents reached by telephone said gunmen attacked the market in Ansongo.", dossier.Anonymous, "", "attacked", "", false},
		{"how the source spoke, set off", "The interior ministry, in a statement read on state television, said the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"a statement of a body with no name", "A statement from Niger's justice ministry said the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"a spokesman speaks for his body", "A spokesman for the interior ministry said the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"a police spokesman", "A police spokesman said the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"a source with a relative clause", "A security source who asked not to be named told reporters that the four had been taken towards Ansongo.", dossier.Anonymous, "", "taken", "", false},
		{"a statement by a people's army", "According to a statement by the Nigerien army, the four had been taken towards Ansongo.", dossier.Organisation, "", "taken", "", false},
		{"announced by", "The arrest of the four was announced by the interior ministry on Wednesday.", dossier.Organisation, "", "arrest", "", false},
		{"confirmed on a day by", "His arrest was confirmed on Wednesday by Niger's interior ministry, which gave no details.", dossier.Organisation, "Niger", "arrest", "", false},
		{"an office holder the text does not name", "The governor of Agadez said the four had been taken towards Ansongo.", dossier.Anonymous, "", "taken", "", false},
		{"a minister the text does not name", "Niger's interior minister said the four had been taken towards Ansongo.", dossier.Anonymous, "", "taken", "", false},
		{"said by telephone", "The four had been taken towards Ansongo, a police officer in Niamey said by telephone.", dossier.Anonymous, "", "taken", "", false},
		{"they for unnamed sources", "Security sources said Ahmed Sow was arrested on Monday. He is a member of the Desert Brigade, they said.", dossier.Anonymous, "", "member", "", false},
		{"it for an unnamed body", "The interior ministry said Ahmed Sow was arrested on Monday. Sow, it said, is a member of the Desert Brigade.", dossier.Organisation, "", "member", "", false},
		{"two of them", "Three security sources said a man was detained. He is a cousin of the leader, according to two of them.", dossier.Anonymous, "", "cousin", "", false},
		{"researchers", "The group has long relied on traders in the Lac province for fuel, according to researchers.", dossier.Anonymous, "", "relied", "", false},
		{"a state's intelligence report", "Ali Sow is also believed to have met his cousin in December, according to a Cameroonian intelligence report.", dossier.Organisation, "", "met", "", false},
		{"a source of a place speaking from another", "The four had been taken towards Ansongo, a spokeswoman for the charity said by telephone from Johannesburg.", dossier.Organisation, "", "taken", "", false},
		{"a state's intelligence note", "He is also believed to have met his brother near Bassikounou, according to a Malian intelligence note seen by the Post.", dossier.Organisation, "", "met", "", false},
		{"a source there", "The two employees were released without charge on Monday, a police officer there said.", dossier.Anonymous, "", "released", "", false},
		{"the report of the body last named", "The Centre for Conflict Data published a study on Thursday. The report says the group moved its money through Mtwara.", dossier.Organisation, "Centre for Conflict Data", "moved", "", false},
		{"a relative pronoun's antecedent", "The claim was signed by Abou Hafs, who said the four had been taken towards Ansongo.", dossier.Named, "Abou Hafs", "taken", "", false},
		{"a source after but", "The government is silent, but a senior official said the four had been taken towards Ansongo.", dossier.Anonymous, "", "taken", "", false},
		{"learned from", "FNA has learned from security sources that the gunmen attacked a convoy near Menaka.", dossier.Anonymous, "", "attacked", "", false},
		{"unconfirmed reports", "There were unconfirmed reports that gunmen kidnapped a priest in Menaka.", dossier.Anonymous, "", "kidnapped", "", false},
		{"parenthetical cue", "Moussa ould Sidi, the ministry said, is the younger brother of the group's leader.", dossier.Organisation, "", "brother", "", false},
		{"prosecutors as a body", "The gang ran drug routes to the port, prosecutors said.", dossier.Organisation, "", "ran", "", false},
		{"cue between two verbs of one subject", "Thapaliya met officials of the ministry in New Delhi on Wednesday, the embassy said in a statement, and visited two citizens in hospital.", dossier.Organisation, "", "met", "", false},
		{"their employer", "Four aid workers were abducted on Sunday near Menaka, according to their employer and a local official.", dossier.Organisation, "", "abducted", "", false},
		{"nested reports", "The Desert Brigade believes the men trained in Libya, one of the officials said.", dossier.Anonymous, "", "trained", "", false},
		{"passive with its agent", "Ali Maiga is believed by intelligence officials to be a member of the Desert Brigade.", dossier.Anonymous, "", "member", "", false},
		{"a source in a body", "A source in the Nigerien police identified the man as Ali Maiga, a member of the Desert Brigade.", dossier.Anonymous, "", "member", "", false},
		{"according to an organisation's report", "Katiba Tessit is led by Boubou Maiga, according to the UN report.", dossier.Organisation, "UN", "led", "", false},
		{"according to a based organisation", "The group pledged allegiance to the coalition in 2022, according to the Bamako-based Centre d'Etudes du Sahel (CES).", dossier.Organisation, "Centre d'Etudes du Sahel", "pledged", "", false},
		{"according to an organisation", "According to the CCTA, Wahid has run the trust since 2015.", dossier.Organisation, "CCTA", "run", "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, ex := annotate(t, tt.text)
			v := newView(d, ex.Entities)
			sps := v.speeches()
			if len(sps) == 0 {
				t.Fatalf("no speech found")
			}
			k := tokenIndex(t, d, tt.word)
			sp := reportAt(sps, k)
			if sp == nil {
				t.Fatalf("%q is outside every speech: %+v", tt.word, sps)
			}
			if sp.kind != tt.kind {
				t.Errorf("kind %s, want %s", sp.kind, tt.kind)
			}
			src := ""
			if sp.source >= 0 {
				src = ex.Entities[sp.source].Name
			}
			if src != tt.source {
				t.Errorf("source %q, want %q", src, tt.source)
			}
			if sp.verb.negates != tt.negates {
				t.Errorf("negates = %v, want %v", sp.verb.negates, tt.negates)
			}
			if tt.outside != "" && sp.covers(tokenIndex(t, d, tt.outside)) {
				t.Errorf("%q should be outside the scope [%d,%d)", tt.outside, sp.first, sp.last)
			}
		})
	}
}

func TestModality(t *testing.T) {
	tests := []struct {
		text, word string
		want       dossier.Modality
	}{
		{"The group allegedly ran the camp near the border.", "ran", dossier.Hedged},
		{"The group is believed to have run the camp.", "run", dossier.Hedged},
		{"The group did not run the camp.", "run", dossier.Negated},
		{"The group ran the camp, police said.", "ran", dossier.Reported},
		{"The group ran the camp near the border.", "ran", dossier.Asserted},
		{"Investigators suspect that the group ran the camp.", "ran", dossier.Hedged},
	}
	for _, tt := range tests {
		d, ex := annotate(t, tt.text)
		v := newView(d, ex.Entities)
		k := tokenIndex(t, d, tt.word)
		if got := v.modality(k, reportAt(v.speeches(), k)); got != tt.want {
			t.Errorf("%q at %q: %s, want %s", tt.text, tt.word, got, tt.want)
		}
	}
}

// tokenIndex returns the index of the first token that is word.
func tokenIndex(t *testing.T, d *nlp.Doc, word string) int {
	t.Helper()
	for k, tok := range d.Tokens {
		if tok.Text == word {
			return k
		}
	}
	t.Fatalf("no token %q", word)
	return -1
}

func TestTitleMentions(t *testing.T) {
	_, ex := annotate(t, "Norway's Ambassador to India Ingrid Solberg met the minister on Monday. The ambassador said the talks had gone well.")
	for _, e := range ex.Entities {
		if e.Name != "Ingrid Solberg" {
			continue
		}
		for _, m := range e.Mentions {
			if m.Text == "ambassador" {
				return
			}
		}
		t.Fatalf("\"the ambassador\" is not a mention of Ingrid Solberg: %+v", e)
	}
	t.Fatalf("no entity Ingrid Solberg: %s", describeEntities(ex))
}

// TestListsAreNeverNull checks that a document with nothing to attribute
// still has an empty list of attributions, as the schema requires.
func TestListsAreNeverNull(t *testing.T) {
	_, ex := annotate(t, "Rain fell.")
	if ex.Attributions == nil {
		t.Error("attributions is nil, want an empty list")
	}
}

// eventAttributions runs the whole pipeline over text and returns the
// attribution kind of each event by its trigger's text.
func eventAttributions(t *testing.T, text string) map[string]dossier.AttributionKind {
	t.Helper()
	_, ex := annotateEvents(t, text, true)
	kinds := map[string]dossier.AttributionKind{}
	for _, a := range ex.Attributions {
		kinds[a.ID] = a.Kind
	}
	seen := map[string]dossier.AttributionKind{}
	for _, e := range ex.Events {
		seen[e.Trigger.Text] = kinds[e.Attribution]
	}
	return seen
}

func TestHeadlinePassiveIsNoSource(t *testing.T) {
	// "group suspected" is a passive: the headline's event is what the
	// lead says its sources said.
	seen := eventAttributions(t, "Four aid workers kidnapped in Mali, group suspected\n\nBAMAKO, April 24 (FNA) - Four aid workers were kidnapped on Sunday near Gao, security sources said.")
	if k := seen["kidnapped"]; k != dossier.Anonymous {
		t.Errorf("the kidnapping: attribution %q, want anonymous; events %v", k, seen)
	}
}

func TestHeadlineRestsOnTheLeadsSource(t *testing.T) {
	seen := eventAttributions(t, "Gunmen kill four traders in Gao market\n\nGAO, April 24 (FNA) - Police said the attack took place on Sunday.")
	if k := seen["kill"]; k != dossier.Organisation {
		t.Errorf("the headline's attack: attribution %q, want organisation (the lead's police); events %v", k, seen)
	}
}

func TestClaimedEventIsNotTheClaimersWord(t *testing.T) {
	seen := eventAttributions(t, "The Desert Brigade has claimed responsibility for Sunday's abduction of four aid workers near Dori.\n\nThe army said soldiers attacked a Desert Brigade camp near Gao on Monday.")
	if k, ok := seen["abduction"]; !ok || k != dossier.Outlet {
		t.Errorf("the claimed abduction: attribution %q (found %v), want outlet; events %v", k, ok, seen)
	}
	if k := seen["attacked"]; k != dossier.Organisation {
		t.Errorf("the attack the army reports: attribution %q, want organisation", k)
	}
	// A report after the claim does not vouch for it either.
	seen = eventAttributions(t, "The jihadist group Desert Brigade has claimed responsibility for Sunday's abduction of four aid workers near Dori and says it is holding five people.")
	if k := seen["abduction"]; k != dossier.Outlet {
		t.Errorf("the claimed abduction, then 'says it is holding': attribution %q, want outlet; events %v", k, seen)
	}
	// What the group says it did is its word.
	seen = eventAttributions(t, "The jihadist group Desert Brigade said on Tuesday that it had kidnapped four aid workers near Dori.")
	if k := seen["kidnapped"]; k != dossier.Organisation {
		t.Errorf("'the jihadist group X said that it had kidnapped': attribution %q, want organisation; events %v", k, seen)
	}
}

// TestRelationClaims checks, for a relation read from a sentence, the
// entity it links and the attribution it gets.
func TestRelationClaims(t *testing.T) {
	tests := []struct {
		name, text    string
		typ, subject  string // the relation looked for ("" subject: any)
		object        string // the object it must link ("" for any)
		kind, notKind dossier.AttributionKind
	}{
		{"a speaker's description is the reporter's", "Claire Vautrin, a nurse, was kidnapped in Niger.\n\n\"She has never hurt anyone,\" her brother, Julien Vautrin, told reporters.",
			"sibling_of", "", "", "", dossier.Named},
		// The apposition after a source's name is the reporter's, and
		// names a place the story names nowhere else.
		{"a source's apposition", "Attacks on aid workers have risen, according to the Humanitarian Access Monitor (HAM), a Geneva-based research group.",
			"based_in", "", "Geneva", dossier.Outlet, ""},
		{"how the source spoke is the reporter's", "The Brigade Nationale Antiterroriste (BNA) confirmed the arrest in a statement signed by its spokesman, Superintendent Ibrahim Souley.",
			"spokesperson_of", "", "", dossier.Outlet, ""},
		// A record whose title is given apart opens with its lead, which
		// the next paragraph's source does not vouch for.
		{"a first paragraph with a full stop is the lead", "Police in Karachi arrested a man who raised funds for the Al-Noor Relief Trust (ANRT), a Quetta-based charity.\n\nThe man, identified as Sajid Ali, was arrested at a shop where, police said, he kept collection boxes.",
			"based_in", "", "", dossier.Outlet, ""},
		{"an outlet's short name is the outlet", "BAMAKO, April 24 (Sahel Tribune) - Seydou Traore drove for the Sahel Water Alliance for a decade, his brother told the Tribune.\n\nThe charity's Bamako office is run by Marie Lambert, its country director.",
			"role_of", "Marie Lambert", "Sahel Water Alliance", "", ""},
		{"an organisation by the own word of its name", "Korvane Engineering Services said two men were missing. Korvane's spokeswoman, Charlene Vosloo, said the men were safe.",
			"spokesperson_of", "Charlene Vosloo", "Korvane Engineering Services", "", ""},
		{"a source's own word about itself", "The Harakat Ahl al-Sahil posted photographs on Wednesday.\n\nIn an audio message, a man who identified himself as the group's spokesman, Abu Ayman al-Makondi, said both captives were well.",
			"spokesperson_of", "Abu Ayman al-Makondi", "Harakat Ahl al-Sahil", dossier.Named, ""},
		{"a self-description without a speech", "The Harakat Ahl al-Thughur posted a recording on Sunday.\n\nThe recording was read in Fulfulde by a man who introduced himself as the group's spokesman, Abu Khattab al-Sahili.",
			"spokesperson_of", "Abu Khattab al-Sahili", "Harakat Ahl al-Thughur", dossier.Named, ""},
		// "the group" with no group named in its sentence stands for the
		// one the last sentence naming groups was about, not the one it
		// named in passing.
		{"the group is the last sentence's subject", "The Desert Brigade receives weapons from the Sahel Liberation Front, officials say. Moussa Sidi allegedly sent money to the group through a transport company.",
			"supports", "Moussa Sidi", "Desert Brigade", "", ""},
		{"the group is no institute", "The Desert Brigade claimed the kidnapping. Analysts said the group, which emerged in 2018 as a splinter of the Sahel Liberation Front, turned to kidnapping.\n\n\"They need money,\" said Mariam Coulibaly, a researcher at the Bamako Institute for Security Studies.\n\nAccording to an intelligence official, the group is led by Hamadou Ag Ossad.",
			"leader_of", "Hamadou Ag Ossad", "Desert Brigade", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, ex := annotate(t, tt.text)
			kinds := map[string]dossier.AttributionKind{}
			for _, a := range ex.Attributions {
				kinds[a.ID] = a.Kind
			}
			found := false
			for _, r := range ex.Relations {
				if r.Type != tt.typ || tt.subject != "" && entityName(ex, r.Subject) != tt.subject {
					continue
				}
				if tt.object != "" && entityName(ex, r.Object) != tt.object {
					t.Errorf("%s(%s, %s), want object %s", r.Type, entityName(ex, r.Subject), entityName(ex, r.Object), tt.object)
				}
				found = true
				k := kinds[r.Attribution]
				if tt.kind != "" && k != tt.kind {
					t.Errorf("%s attributed to %s, want %s", r.Type, k, tt.kind)
				}
				if tt.notKind != "" && k == tt.notKind {
					t.Errorf("%s attributed to %s", r.Type, k)
				}
			}
			if !found {
				t.Errorf("no %s(%s, _): %s", tt.typ, tt.subject, describeRelations(ex))
			}
		})
	}
}

// TestUnsaidIsNobodysWord checks that a negated cue ("has not commented
// on whether", "declined to comment on") reports nothing.
func TestUnsaidIsNobodysWord(t *testing.T) {
	for _, text := range []string{
		"Niger's government has not commented on whether the arrest was linked to the kidnapping.",
		"Police declined to comment on reports that the four had been taken towards Ansongo.",
	} {
		d, ex := annotate(t, text)
		v := newView(d, ex.Entities)
		for _, sp := range v.speeches() {
			if sp.source >= 0 || sp.kind == dossier.Organisation {
				t.Errorf("%q: speech %+v, want none by the silent body", text, sp)
			}
		}
	}
}
