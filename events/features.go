package events

import (
	"strconv"
	"strings"

	"github.com/dossier-osint/dossier/nlp"
	"github.com/dossier-osint/dossier/nlp/tag"
)

// docView is a document prepared for feature extraction: lower-cased
// words and lemmas (so that features do not depend on case), triggers per
// sentence and document-level counts.
type docView struct {
	d      *nlp.Doc
	low    []string
	lemma  []string
	sentOf []int
	// trig is the event type of each trigger token ("" for none).
	trig []string
	// attacks counts the attack triggers in the document; firstAttack
	// is the sentence of the first (-1 when there is none).
	attacks, firstAttack int
	// docFeats are the document-level features every candidate carries.
	docFeats []string
	// headCount counts the candidate phrases with each head lemma, and
	// phraseCount those with each text; firstSent is the first sentence
	// where a head lemma heads a phrase.
	headCount, phraseCount map[string]int
	firstSent              map[string]int
	// classes are the model's word classes (see classes.go), nil for
	// none.
	classes map[string][2]uint16
}

// salience counts how often each head and phrase of cands occurs.
func (v *docView) salience(cands []candidate) {
	v.headCount, v.phraseCount, v.firstSent = map[string]int{}, map[string]int{}, map[string]int{}
	for _, c := range cands {
		if c.kind != "np" && c.kind != "join" {
			continue
		}
		h := v.lemma[c.head]
		v.headCount[h]++
		v.phraseCount[strings.Join(v.low[c.first:c.last], " ")]++
		if _, ok := v.firstSent[h]; !ok {
			v.firstSent[h] = c.sent
		}
	}
}

func newDocView(d *nlp.Doc) *docView {
	v := &docView{d: d, low: make([]string, len(d.Tokens)), lemma: make([]string, len(d.Tokens)),
		sentOf: make([]int, len(d.Tokens)), trig: make([]string, len(d.Tokens)), firstAttack: -1}
	for i, t := range d.Tokens {
		v.low[i] = strings.ToLower(t.Text)
		pos := t.POS
		if pos == "NNP" {
			pos = "NN"
		} else if pos == "NNPS" {
			pos = "NNS"
		}
		v.lemma[i] = tag.Lemma(v.low[i], pos)
	}
	first := map[string]bool{}
	for si, s := range d.Sentences {
		for k := s.First; k < s.Last; k++ {
			v.sentOf[k] = si
			if s.Boilerplate {
				continue
			}
			if typ := triggerType(v, k); typ != "" {
				v.trig[k] = typ
				if typ == Attack {
					v.attacks++
					if v.firstAttack < 0 {
						v.firstAttack = si
					}
					if si < 2 {
						first[v.lemma[k]] = true
					}
				}
			}
		}
	}
	v.docFeats = append(v.docFeats, "da="+bucket(v.attacks))
	for l := range first {
		v.docFeats = append(v.docFeats, "dt="+l)
	}
	return v
}

// bucket turns a count into a few coarse values.
func bucket(n int) string {
	switch {
	case n <= 3:
		return strconv.Itoa(n)
	case n <= 6:
		return "4-6"
	case n <= 12:
		return "7-12"
	}
	return "13+"
}

func (v *docView) pos(i int) string {
	p := v.d.Tokens[i].POS
	if strings.HasPrefix(p, "NNP") {
		return "NN" // proper-noun tags depend on case
	}
	return p
}

// features returns the features of candidate c.
func (v *docView) features(c candidate) []string {
	d := v.d
	s := d.Sentences[c.sent]
	f := make([]string, 0, 64)
	f = append(f, "b")
	f = append(f, v.docFeats...)
	words := v.low[c.first:c.last]
	phrase := strings.Join(words, " ")
	head := v.lemma[c.head]
	f = append(f, "p="+phrase, "h="+head, "k="+c.kind, "n="+bucket(c.last-c.first), "kh="+c.kind+"|"+head)
	for k := c.first; k < c.last; k++ {
		f = append(f, "w="+v.lemma[k])
	}
	f = append(f, "f="+words[0], "hp="+v.pos(c.head))
	if c.head+1 < c.last {
		f = append(f, "ah="+v.low[c.head+1])
	}
	if c.head > c.first {
		f = append(f, "bh="+v.lemma[c.head-1]+"|"+head)
	}
	if e := d.Tokens[c.head].Entity; len(e) > 2 {
		f = append(f, "e="+e[2:])
	}
	hca, hcb, hasClass := v.classOf(head)
	if hasClass {
		f = append(f, "ca="+hca, "cb="+hcb)
	}
	if v.classes != nil {
		for k := c.first; k < c.last; k++ {
			if _, b, ok := v.classOf(v.lemma[k]); ok {
				f = append(f, "cw="+b)
			}
		}
		if c.first-1 >= s.First {
			if _, b, ok := v.classOf(v.lemma[c.first-1]); ok {
				f = append(f, "cl1="+b)
			}
		}
		if c.last < s.Last {
			if _, b, ok := v.classOf(v.lemma[c.last]); ok {
				f = append(f, "cr1="+b)
			}
		}
	}
	// context words
	for k := 1; k <= 3; k++ {
		l, r := "<s>", "</s>"
		if c.first-k >= s.First {
			l = v.low[c.first-k]
		}
		if c.last+k-1 < s.Last {
			r = v.low[c.last+k-1]
		}
		ks := strconv.Itoa(k)
		f = append(f, "l"+ks+"="+l, "r"+ks+"="+r)
		if k == 1 {
			f = append(f, "lr="+l+"|"+r, "l1h="+l+"|"+head)
		}
	}
	if c.first-2 >= s.First {
		f = append(f, "l12="+v.low[c.first-2]+"|"+v.low[c.first-1])
	}
	if c.last+1 < s.Last {
		f = append(f, "r12="+v.low[c.last]+"|"+v.low[c.last+1])
	}
	// governing verb on the left (object or prepositional object) and
	// verb on the right (subject), with the preposition between.
	prep := ""
	if c.first-1 >= s.First && v.d.Tokens[c.first-1].POS == "IN" {
		prep = v.low[c.first-1]
	}
	for k, n := c.first-1, 0; k >= s.First && n < 8; k, n = k-1, n+1 {
		if strings.HasPrefix(v.d.Tokens[k].POS, "VB") {
			f = append(f, "lv="+v.lemma[k], "lvp="+v.lemma[k]+"|"+prep, "lvt="+v.d.Tokens[k].POS+"|"+prep)
			if _, b, ok := v.classOf(v.lemma[k]); ok {
				f = append(f, "clv="+b+"|"+prep)
			}
			if hasClass {
				f = append(f, "chl="+hca+"|"+v.lemma[k]+"|"+prep)
			}
			break
		}
	}
	for k, n := c.last, 0; k < s.Last && n < 6; k, n = k+1, n+1 {
		if strings.HasPrefix(v.d.Tokens[k].POS, "VB") {
			vb := v.lemma[k]
			// "was killed", "were kidnapped": the subject is the patient.
			pass := "a"
			if v.d.Tokens[k].POS == "VBN" && k > c.last && (v.lemma[k-1] == "be" || v.lemma[k-1] == "have") {
				pass = "p"
			}
			if v.lemma[k] == "be" && k+1 < s.Last && v.d.Tokens[k+1].POS == "VBN" {
				vb, pass = v.lemma[k+1], "p"
			}
			f = append(f, "rv="+vb, "rvp="+vb+"|"+pass)
			if _, b, ok := v.classOf(vb); ok {
				f = append(f, "crv="+b+"|"+pass)
			}
			if hasClass {
				f = append(f, "chr="+hca+"|"+vb+"|"+pass)
			}
			break
		}
	}
	// triggers in the sentence: nearest on each side, and distance.
	best, bestD := "", 1<<30
	for k := s.First; k < s.Last; k++ {
		if v.trig[k] == "" {
			continue
		}
		dist := k - c.head
		if dist < 0 {
			dist = -dist
		}
		if dist < bestD {
			best, bestD = v.lemma[k], dist
		}
		side := "R"
		if k < c.first {
			side = "L"
		}
		f = append(f, "st="+v.trig[k], "sts="+v.trig[k]+side)
	}
	if best != "" {
		f = append(f, "nt="+best, "ntd="+bucket(bestD), "nth="+best+"|"+head)
		if hasClass {
			f = append(f, "cnt="+best+"|"+hca)
		}
	} else {
		f = append(f, "nt=none")
	}
	// the clause verbs however far: "the two engineers, A of B and C of
	// D, were taken hostage".
	for k := c.last; k < s.Last; k++ {
		if strings.HasPrefix(v.d.Tokens[k].POS, "VB") {
			vb, pass := v.lemma[k], "a"
			if v.lemma[k] == "be" && k+1 < s.Last && v.d.Tokens[k+1].POS == "VBN" {
				vb, pass = v.lemma[k+1], "p"
			}
			f = append(f, "rvf="+vb+"|"+pass)
			break
		}
	}
	for k := c.first - 1; k >= s.First; k-- {
		if strings.HasPrefix(v.d.Tokens[k].POS, "VB") {
			f = append(f, "lvf="+v.lemma[k])
			break
		}
	}
	f = v.blameFeatures(c, f, hca, hasClass)
	// the entity type of the head with the nearest trigger, and how far
	// the phrase comes after the first sentence with an attack.
	if e := d.Tokens[c.head].Entity; len(e) > 2 && best != "" {
		f = append(f, "ent="+e[2:]+"|"+best)
	}
	if v.firstAttack >= 0 {
		f = append(f, "sa="+bucket(max(c.sent-v.firstAttack, 0)))
	} else {
		f = append(f, "sa=none")
	}
	f = append(f, "si="+bucket(c.sent))
	if v.headCount != nil {
		f = append(f, "hc="+bucket(v.headCount[head]), "pc="+bucket(v.phraseCount[phrase]),
			"fs="+bucket(v.firstSent[head]), "fsd="+bucket(c.sent-v.firstSent[head]))
	}
	return f
}

// blameWords are the lemmas of words that say who is to blame for a deed:
// "accused of ordering the murder", "are directly responsible", "the
// list of plotters includes", "masterminded the attack".
var blameWords = map[string]bool{
	"accuse": true, "accusation": true, "blame": true, "responsible": true, "responsibility": true,
	"charge": true, "implicate": true, "involve": true, "participate": true, "participation": true,
	"mastermind": true, "plotter": true, "plot": true, "perpetrate": true, "perpetrator": true,
	"culprit": true, "suspect": true, "order": true, "commit": true, "author": true,
	"behind": true, "guilty": true, "arrest": true, "indict": true, "confess": true,
}

// blameWindow is how many words either side of a phrase blameFeatures
// reads (the whole sentence scored the same on MUC-4 dev).
const blameWindow = 10

// blameFeatures adds to f the blame words of the phrase's sentence (see
// blameWords) near it, with their side, alone and with the head's coarse
// class: officers and soldiers named as the authors of a crime.
func (v *docView) blameFeatures(c candidate, f []string, hca string, hasClass bool) []string {
	s := v.d.Sentences[c.sent]
	seen := map[string]bool{}
	for k := max(s.First, c.first-blameWindow); k < min(s.Last, c.last+blameWindow); k++ {
		if k >= c.first && k < c.last {
			continue
		}
		l := v.lemma[k]
		if !blameWords[l] {
			continue
		}
		side := "R"
		if k < c.first {
			side = "L"
		}
		if seen[l+side] {
			continue
		}
		seen[l+side] = true
		f = append(f, "bw="+l+"|"+side)
		if !seen[side] {
			seen[side] = true
			f = append(f, "bws="+side)
			if hasClass {
				f = append(f, "bwc="+hca+"|"+side)
			}
		}
	}
	return f
}
