package rules

import "math/bits"

// The matcher runs in two passes over a sentence of n tokens, both linear:
//
//  1. A backward liveness pass computes, for every position i and every
//     instruction pc, whether the program can reach opMatch from pc while
//     reading toks[i:]. It is a reachability fixpoint over the reverse
//     edges of the program, O(len(program)) per position.
//  2. A forward Pike-VM pass runs threads in priority order (leftmost-first,
//     as in RE2), one step per token, never adding a thread at a dead
//     (pc, position). Because every running thread is then certain to
//     match, a search ends exactly at the end of the match it reports, and
//     the next search starts there: the whole FindAll reads each position
//     at most twice, so the total work is O(n · len(program)) even for
//     patterns like [a] ([]* [b])? that make RE2-style FindAll quadratic.

// machine is the scratch memory of one FindAll call.
type machine struct {
	live  []uint64 // (n+1) rows of words bits: live[i*words + pc/64]
	words int
	stack []int32
	clist queue
	nlist queue
	caps  []int
	steps int // work done (instructions visited, rows scanned), for the linearity tests
}

// queue is a sparse set of threads in priority order.
type queue struct {
	sparse []int32
	dense  []thread
}

// thread is one NFA state with its capture positions.
type thread struct {
	pc   int
	caps []int
}

func (q *queue) reset() { q.dense = q.dense[:0] }

func (q *queue) has(pc int) bool {
	i := q.sparse[pc]
	return int(i) < len(q.dense) && q.dense[i].pc == pc
}

// push adds pc and returns its thread, whose caps the caller fills.
func (q *queue) push(pc, nslots int) *thread {
	q.sparse[pc] = int32(len(q.dense))
	if len(q.dense) < cap(q.dense) {
		q.dense = q.dense[:len(q.dense)+1]
	} else {
		q.dense = append(q.dense, thread{})
	}
	t := &q.dense[len(q.dense)-1]
	t.pc = pc
	if cap(t.caps) < nslots {
		t.caps = make([]int, nslots)
	}
	t.caps = t.caps[:nslots]
	return t
}

// getMachine returns scratch memory sized for p and n tokens.
func (p *program) getMachine(n int) *machine {
	m, _ := p.pool.Get().(*machine)
	if m == nil {
		m = &machine{}
		m.clist.sparse = make([]int32, len(p.insts))
		m.nlist.sparse = make([]int32, len(p.insts))
		m.caps = make([]int, 2*len(p.names))
	}
	m.words = (len(p.insts) + 63) / 64
	size := (n + 1) * m.words
	if cap(m.live) < size {
		m.live = make([]uint64, size)
	}
	m.live = m.live[:size]
	clear(m.live)
	m.steps = 0
	return m
}

func (m *machine) isLive(pos, pc int) bool {
	return m.live[pos*m.words+pc>>6]&(1<<(uint(pc)&63)) != 0
}

func (m *machine) setLive(pos, pc int) {
	m.live[pos*m.words+pc>>6] |= 1 << (uint(pc) & 63)
}

// holds reports whether assertion a is true at position pos of toks.
func holds(a assertKind, toks []Token, pos int) bool {
	switch a {
	case assertBegin:
		return pos == 0
	case assertEnd:
		return pos == len(toks)
	case assertMentionEnd:
		return pos == len(toks) || !toks[pos].inMention()
	}
	return false
}

// liveness fills m.live for toks (pass 1).
func (p *program) liveness(m *machine, toks []Token) {
	match := len(p.insts) - 1 // opMatch is always last
	for pos := len(toks); pos >= 0; pos-- {
		row := m.live[pos*m.words : (pos+1)*m.words]
		stack := m.stack[:0]
		m.steps += m.words // scanning the row below
		row[match>>6] |= 1 << (uint(match) & 63)
		stack = append(stack, int32(match))
		if pos < len(toks) {
			// Only consumers whose successor is live at pos+1 can be live.
			next := m.live[(pos+1)*m.words : (pos+2)*m.words]
			tok := &toks[pos]
			for w, bitsw := range next {
				for bitsw != 0 {
					out := w<<6 | bits.TrailingZeros64(bitsw)
					bitsw &= bitsw - 1
					for _, pc := range p.consumersTo[out] {
						m.steps++
						if p.insts[pc].test.match(tok) {
							row[pc>>6] |= 1 << (uint(pc) & 63)
							stack = append(stack, pc)
						}
					}
				}
			}
		}
		for len(stack) > 0 {
			pc := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			for _, q := range p.preds[pc] {
				m.steps++
				if row[q>>6]&(1<<(uint(q)&63)) != 0 {
					continue
				}
				if in := &p.insts[q]; in.op == opAssert && !holds(assertKind(in.arg), toks, pos) {
					continue
				}
				row[q>>6] |= 1 << (uint(q) & 63)
				stack = append(stack, q)
			}
		}
		m.stack = stack
	}
}

// add puts the thread at pc, position pos, with captures caps on q,
// following non-consuming instructions in priority order. Dead states are
// never added.
func (p *program) add(m *machine, q *queue, pc, pos int, caps []int) {
	if !m.isLive(pos, pc) || q.has(pc) {
		return
	}
	m.steps++
	t := q.push(pc, len(caps))
	switch in := &p.insts[pc]; in.op {
	case opJmp, opAssert: // a live assertion holds here
		p.add(m, q, in.out, pos, caps)
	case opSplit:
		p.add(m, q, in.out, pos, caps)
		p.add(m, q, in.out1, pos, caps)
	case opSave:
		old := caps[in.arg]
		caps[in.arg] = pos
		p.add(m, q, in.out, pos, caps)
		caps[in.arg] = old
	default: // opToken, opMatch
		copy(t.caps, caps)
	}
}

// match is one raw match: span and capture slots.
type match struct {
	start, end int
	caps       []int
}

// findAll returns the leftmost-first, non-overlapping matches of p in toks.
func (p *program) findAll(toks []Token, m *machine) []match {
	n := len(toks)
	for _, t := range p.required {
		if !anyMatch(t, toks) {
			return nil
		}
	}
	p.liveness(m, toks)
	var out []match
	for pos := 0; pos <= n; {
		s := pos
		for s <= n && !m.isLive(s, p.start) {
			m.steps++
			s++
		}
		if s > n {
			break
		}
		m.clist.reset()
		for i := range m.caps {
			m.caps[i] = -1
		}
		p.add(m, &m.clist, p.start, s, m.caps)
		end := -1
		var caps []int
		for i := s; len(m.clist.dense) > 0; i++ {
			m.nlist.reset()
			for k := range m.clist.dense {
				t := &m.clist.dense[k]
				in := &p.insts[t.pc]
				if in.op == opMatch {
					end = i
					caps = append(caps[:0], t.caps...)
					break // lower-priority threads are cut
				}
				if in.op == opToken {
					m.steps++
					p.add(m, &m.nlist, in.out, i+1, t.caps)
				}
			}
			m.clist, m.nlist = m.nlist, m.clist
		}
		if end < 0 { // cannot happen: the start state was live
			break
		}
		out = append(out, match{start: s, end: end, caps: append([]int(nil), caps...)})
		if end > s {
			pos = end
		} else {
			pos = s + 1
		}
	}
	return out
}

// anyMatch reports whether some token of toks satisfies t.
func anyMatch(t test, toks []Token) bool {
	for i := range toks {
		if t.match(&toks[i]) {
			return true
		}
	}
	return false
}
