package gazetteer

import (
	"fmt"
	"strings"
	"sync"
)

// Title classes.
const (
	// TitleHonorific is a courtesy or religious title before a name:
	// Mr, Dr, Mufti, Sheikh, Maulana, Syed, Shri.
	TitleHonorific = "honorific"
	// TitleRank is a military or police rank: Gen, Lt Col, DIG, SSP.
	TitleRank = "rank"
	// TitleRole is a position in an organisation or a country: chief,
	// spokesperson, founder, ambassador, minister. Roles imply a relation.
	TitleRole = "role"
)

// TitleInfo describes one title and the forms it is written in.
type TitleInfo struct {
	// Name is the title's full form: "Lieutenant General".
	Name string
	// Class is TitleHonorific, TitleRank or TitleRole.
	Class string
	// Relation is the relation a role implies between the person and the
	// organisation or country it is held in (leader_of, spokesperson_of,
	// founder_of, ambassador_of, member_of, role_of, supports); empty for
	// honorifics and ranks.
	Relation string
	// Forms are the other ways it is written, abbreviations included:
	// "Lt Gen", "Lt-Gen". Forms in capitals ("DIG") are acronyms and match
	// only in capitals.
	Forms []string
}

// titleTable indexes titles by form.
type titleTable struct {
	list []TitleInfo
	// byKey maps the Key of a name or mixed-case form.
	byKey map[string]int
	// byAcronym maps an all-capital form exactly, without full stops.
	byAcronym map[string]int
	// maxWords is the largest number of words in any form.
	maxWords int
}

var titles = sync.OnceValues(loadTitles)

func loadTitles() (*titleTable, error) {
	text, err := readData("data/titles.tsv")
	if err != nil {
		return nil, err
	}
	t := &titleTable{byKey: map[string]int{}, byAcronym: map[string]int{}}
	err = lines(text, func(n int, line string) error {
		f := strings.Split(line, "\t")
		if len(f) != 4 {
			return fmt.Errorf("gazetteer: titles.tsv:%d: want name, class, relation, forms; have %d fields", n, len(f))
		}
		ti := TitleInfo{Name: f[0], Class: f[1], Forms: splitList(f[3])}
		switch ti.Class {
		case TitleHonorific, TitleRank, TitleRole:
		default:
			return fmt.Errorf("gazetteer: titles.tsv:%d: class %q is not honorific, rank or role", n, ti.Class)
		}
		if f[2] != "-" {
			ti.Relation = f[2]
		}
		if (ti.Relation != "") != (ti.Class == TitleRole) {
			return fmt.Errorf("gazetteer: titles.tsv:%d: %s: roles and only roles imply a relation", n, ti.Name)
		}
		i := len(t.list)
		t.list = append(t.list, ti)
		for _, form := range append([]string{ti.Name}, ti.Forms...) {
			m, k := t.byKey, Key(form)
			if a, ok := acronym(form); ok {
				m, k = t.byAcronym, a
			}
			if k == "" {
				return fmt.Errorf("gazetteer: titles.tsv:%d: empty form in %s", n, ti.Name)
			}
			if j, dup := m[k]; dup && j == i {
				continue // "Lt-Gen" and "Lt Gen" share a key
			} else if dup {
				return fmt.Errorf("gazetteer: titles.tsv:%d: form %q of %s is already a form of %s", n, form, ti.Name, t.list[j].Name)
			}
			m[k] = i
			t.maxWords = max(t.maxWords, len(strings.Fields(k)))
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return t, nil
}

func mustTitles() *titleTable {
	t, err := titles()
	if err != nil {
		panic(err)
	}
	return t
}

// Title finds the title written as word, which may be several words ("Lt
// Gen.", "prime minister"): "Mufti" is an honorific, "Gen." a rank,
// "spokesperson" a role implying spokesperson_of. Case, full stops and
// hyphens do not matter, except that acronyms ("DIG", "SSP", "SP") match only
// in capitals. A role's plural ("commanders", "leaders") finds the role.
func Title(word string) (TitleInfo, bool) {
	t := mustTitles()
	if a, ok := acronym(strings.TrimSpace(word)); ok {
		if i, ok := t.byAcronym[a]; ok {
			return t.list[i].clone(), true
		}
	}
	k := Key(word)
	if i, ok := t.byKey[k]; ok {
		return t.list[i].clone(), true
	}
	if s, ok := strings.CutSuffix(k, "s"); ok && len(s) > 2 {
		if i, ok := t.byKey[s]; ok && t.list[i].Class == TitleRole {
			return t.list[i].clone(), true
		}
	}
	return TitleInfo{}, false
}

// Titles returns every title in the order of data/titles.tsv: honorifics,
// ranks, then roles.
func Titles() []TitleInfo {
	t := mustTitles()
	out := make([]TitleInfo, len(t.list))
	for i, ti := range t.list {
		out[i] = ti.clone()
	}
	return out
}

// MaxTitleWords is the number of words in the longest title form, the
// longest span a title matcher needs to try ("Additional Director General
// of Police" has six).
func MaxTitleWords() int { return mustTitles().maxWords }

func (ti TitleInfo) clone() TitleInfo {
	ti.Forms = append([]string(nil), ti.Forms...)
	return ti
}
