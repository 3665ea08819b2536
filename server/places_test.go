package server

import (
	"testing"

	"github.com/dossier-osint/dossier/gazetteer"
)

func TestChoosePlace(t *testing.T) {
	cashmere := gazetteer.Place{Name: "Cashmere", ASCII: "Cashmere", Country: "US", ID: 1}
	hydIN := gazetteer.Place{Name: "Hyderabad", ASCII: "Hyderabad", Country: "IN", ID: 2}
	hydPK := gazetteer.Place{Name: "Hyderabad", ASCII: "Hyderabad", Country: "PK", ID: 3}
	tests := []struct {
		name   string
		cands  []gazetteer.Place
		weight map[string]int
		want   int // place ID, 0 for unresolved
	}{
		{"no candidate", nil, nil, 0},
		{"own name, no context", []gazetteer.Place{hydIN, hydPK}, nil, 2},
		{"context picks the country the documents are about", []gazetteer.Place{hydIN, hydPK}, map[string]int{"PK": 3, "IN": 1}, 3},
		{"alternate name far from the documents", []gazetteer.Place{cashmere}, map[string]int{"IN": 5}, 0},
		{"alternate name where the documents are", []gazetteer.Place{cashmere}, map[string]int{"US": 1}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := "Hyderabad"
			if len(tt.cands) == 1 {
				name = "Kashmir"
			}
			got, ok := choosePlace(name, tt.cands, tt.weight)
			if (tt.want == 0) == ok || (ok && got.ID != tt.want) {
				t.Errorf("choosePlace = %+v %v, want id %d", got, ok, tt.want)
			}
		})
	}
}
