package graph

import (
	"math/rand/v2"
	"slices"
)

// level is one level of the Louvain aggregation: a weighted undirected
// graph in compressed rows (node i's neighbours are nbr[off[i]:off[i+1]]
// with weights w[off[i]:off[i+1]], each edge stored in both rows), and
// self[i], the weight inside node i counted from both ends, as the rows
// count every other edge.
type level struct {
	off  []int32
	nbr  []int32
	w    []float64
	self []float64
}

func (lv *level) len() int { return len(lv.off) - 1 }

// louvain partitions the nodes of c by the Louvain method (modularity,
// resolution 1): nodes move to the neighbouring community that gains
// most, in an order shuffled by seed, until no move gains; then each
// community becomes one node of the next level, until a level moves
// nothing. It returns each node's community, numbered from 0.
func louvain(c *compact, seed uint64) []int32 {
	n := len(c.ids)
	member := make([]int32, n) // node of c → node of the current level
	for i := range member {
		member[i] = int32(i)
	}
	lv := &level{off: c.off, nbr: c.nbr, w: c.weight, self: make([]float64, n)}
	r := rand.New(rand.NewPCG(seed, 0x10a7))
	for {
		comm, moved := lv.move(r)
		if !moved {
			break
		}
		k := renumber(comm)
		for i, m := range member {
			member[i] = comm[m]
		}
		if k == lv.len() {
			break
		}
		lv = lv.aggregate(comm, k)
	}
	renumber(member)
	return member
}

// move is the local-moving phase on one level: each node's community,
// named by one of its nodes, and whether any node moved.
func (lv *level) move(r *rand.Rand) ([]int32, bool) {
	n := lv.len()
	comm := make([]int32, n)
	deg := make([]float64, n) // weighted degree, inside weight included
	tot := make([]float64, n) // total degree of each community
	m2 := 0.0                 // twice the total weight
	for i := range n {
		comm[i] = int32(i)
		d := lv.self[i]
		for e := lv.off[i]; e < lv.off[i+1]; e++ {
			d += lv.w[e]
		}
		deg[i], tot[i] = d, d
		m2 += d
	}
	if m2 == 0 {
		return comm, false
	}
	order := r.Perm(n)
	link := make([]float64, n) // weight from the current node to each community
	var touched []int32
	moved := false
	for pass := 0; pass < 100; pass++ {
		changes := 0
		gained := 0.0
		for _, i := range order {
			ci := comm[i]
			touched = touched[:0]
			for e := lv.off[i]; e < lv.off[i+1]; e++ {
				cj := comm[lv.nbr[e]]
				if link[cj] == 0 {
					touched = append(touched, cj)
				}
				link[cj] += lv.w[e]
			}
			// Take i out of its community, then put it where it gains
			// most (its own community on a tie, else the first found).
			tot[ci] -= deg[i]
			stay := link[ci] - tot[ci]*deg[i]/m2
			best, bestGain := ci, stay
			for _, cj := range touched {
				gain := link[cj] - tot[cj]*deg[i]/m2
				if gain > bestGain+1e-12 {
					best, bestGain = cj, gain
				}
			}
			tot[best] += deg[i]
			if best != ci {
				comm[i] = best
				changes++
				gained += bestGain - stay
			}
			for _, cj := range touched {
				link[cj] = 0
			}
		}
		if changes == 0 {
			break
		}
		moved = true
		// Modularity rose by 2·gained/m2: stop when that is negligible.
		if 2*gained/m2 < 1e-7 {
			break
		}
	}
	return comm, moved
}

// renumber names the communities of comm 0, 1, ... in the order of their
// first node and returns how many there are.
func renumber(comm []int32) int {
	name := map[int32]int32{}
	for i, c := range comm {
		k, ok := name[c]
		if !ok {
			k = int32(len(name))
			name[c] = k
		}
		comm[i] = k
	}
	return len(name)
}

// aggregate makes the next level: one node per community (0 to k-1) of
// comm, linked by the total weight between the communities.
func (lv *level) aggregate(comm []int32, k int) *level {
	n := lv.len()
	// The nodes of each community, by counting sort.
	start := make([]int32, k+1)
	for _, c := range comm {
		start[c+1]++
	}
	for c := range k {
		start[c+1] += start[c]
	}
	nodes := make([]int32, n)
	fill := slices.Clone(start[:k])
	for i, c := range comm {
		nodes[fill[c]] = int32(i)
		fill[c]++
	}
	out := &level{off: make([]int32, 1, k+1), self: make([]float64, k)}
	acc := make([]float64, k)
	var touched []int32
	for c := range int32(k) {
		for _, i := range nodes[start[c]:start[c+1]] {
			out.self[c] += lv.self[i]
			for e := lv.off[i]; e < lv.off[i+1]; e++ {
				d := comm[lv.nbr[e]]
				if d == c {
					out.self[c] += lv.w[e]
					continue
				}
				if acc[d] == 0 {
					touched = append(touched, d)
				}
				acc[d] += lv.w[e]
			}
		}
		slices.Sort(touched)
		for _, d := range touched {
			out.nbr = append(out.nbr, d)
			out.w = append(out.w, acc[d])
			acc[d] = 0
		}
		touched = touched[:0]
		out.off = append(out.off, int32(len(out.nbr)))
	}
	return out
}
