// Command xexp-timeline reads every event of a Go execution trace with
// golang.org/x/exp/trace (the Go team's standalone copy of the toolchain's
// trace reader; it converts Go 1.11–1.21 traces to the current event model)
// and writes, as gzipped JSON, the goroutine state transitions and the
// goroutine-running slices of each P: the golden answers for goroscope's
// timeline model (test/reference/trace/timeline-golden.test.ts).
//
//	xexp-timeline TRACE OUT.json.gz
//
// Output (times are ns relative to firstTimeNs, the first event's time):
//
//	firstTimeNs  the first event's time (the trace's time 0)
//	endNs        the last event's time
//	goroutines   one entry per goroutine lifetime, in order of first appearance:
//	             a lifetime starts at a transition from NotExist or Undetermined
//	             (goroutine ids can be reused). Parallel arrays, one element per
//	             goroutine StateTransition with from != to:
//	               t       when
//	               from    GoState.String() before
//	               to      GoState.String() after
//	               reason  StateTransition.Reason ("" if none)
//	               by      ev.Goroutine() when it is a goroutine other than the
//	                       transitioning one (for Waiting→Runnable: the
//	                       unblocker; for NotExist→Runnable: the creator), else -1
//	               leaf    function of the first frame of StateTransition.Stack
//	                       ("" when it has no frames)
//	procs        per P id, ascending: goroutine-running slices. A slice starts at a
//	             goroutine transition to Running, on P ev.Proc() (skipped when
//	             NoProc), and ends at that goroutine's next transition from
//	             Running (or at endNs). Parallel arrays start, end, g (goid),
//	             sorted by start.
//
// One canonical order where Go's own output is not deterministic: converting a v1
// trace (Go 1.11–1.21), the reader announces the goroutines that existed before
// tracing began and had not run yet (Undetermined→Runnable, no goroutine, no P, at
// the first EvGomaxprocs) by ranging over a map, so their order, and after the
// reader's 1 ns monotonic fix-up their times, change from run to run. This program
// puts such a batch in ascending goid order, giving the batch's times, ascending,
// to the goroutines in that order (the order goroscope's converter, which keeps
// them in creation order, writes them).
package main

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"

	"golang.org/x/exp/trace"
)

type lifetime struct {
	ID     int64    `json:"id"`
	T      []int64  `json:"t"`
	From   []string `json:"from"`
	To     []string `json:"to"`
	Reason []string `json:"reason"`
	By     []int64  `json:"by"`
	Leaf   []string `json:"leaf"`
}

func (lt *lifetime) add(t int64, from, to trace.GoState, reason string, by int64, leaf string) {
	lt.T = append(lt.T, t)
	lt.From = append(lt.From, from.String())
	lt.To = append(lt.To, to.String())
	lt.Reason = append(lt.Reason, reason)
	lt.By = append(lt.By, by)
	lt.Leaf = append(lt.Leaf, leaf)
}

// preInit is one goroutine of the v1 converter's pre-init batch.
type preInit struct {
	id trace.GoID
	t  int64
}

type proc struct {
	ID    int64   `json:"id"`
	Start []int64 `json:"start"`
	End   []int64 `json:"end"`
	G     []int64 `json:"g"`
}

type output struct {
	FirstTimeNs int64       `json:"firstTimeNs"`
	EndNs       int64       `json:"endNs"`
	Goroutines  []*lifetime `json:"goroutines"`
	Procs       []*proc     `json:"procs"`
}

// open is a running slice: which P and where in its arrays.
type open struct {
	p   *proc
	idx int
}

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: xexp-timeline TRACE OUT.json.gz")
		os.Exit(2)
	}
	out, err := timeline(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	js, err := json.Marshal(out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	var buf bytes.Buffer
	// Fixed header (no name, no time) so the bytes are the same on every run.
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(js)
	zw.Write([]byte("\n"))
	zw.Close()
	if err := os.WriteFile(os.Args[2], buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func timeline(path string) (*output, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 1<<20)
	var in io.Reader = br
	if magic, _ := br.Peek(2); len(magic) == 2 && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, err
		}
		in = zr
	}
	zin := bufio.NewReader(in)
	v1 := false
	if hdr, _ := zin.Peek(16); bytes.HasPrefix(hdr, []byte("go 1.")) {
		var minor int
		if _, err := fmt.Sscanf(string(hdr[5:]), "%d", &minor); err == nil && minor < 22 {
			v1 = true
		}
	}
	r, err := trace.NewReader(zin)
	if err != nil {
		return nil, err
	}

	out := &output{Goroutines: []*lifetime{}, Procs: []*proc{}}
	current := map[trace.GoID]*lifetime{}
	running := map[trace.GoID]open{}
	procs := map[trace.ProcID]*proc{}
	var first, last trace.Time
	seen := false
	// The v1 converter's pre-init batch, held until it ends (see the package comment).
	var batch []preInit
	flush := func() {
		if len(batch) == 0 {
			return
		}
		times := make([]int64, len(batch))
		for i, b := range batch {
			times[i] = b.t
		}
		sort.Slice(times, func(a, b int) bool { return times[a] < times[b] })
		sort.Slice(batch, func(a, b int) bool { return batch[a].id < batch[b].id })
		for i, b := range batch {
			lt := &lifetime{ID: int64(b.id)}
			current[b.id] = lt
			out.Goroutines = append(out.Goroutines, lt)
			lt.add(times[i], trace.GoUndetermined, trace.GoRunnable, "", -1, "")
		}
		batch = batch[:0]
	}
	for {
		ev, err := r.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		if !seen {
			first, seen = ev.Time(), true
		}
		last = ev.Time()
		if ev.Kind() != trace.EventStateTransition {
			flush()
			continue
		}
		st := ev.StateTransition()
		if st.Resource.Kind != trace.ResourceGoroutine {
			flush()
			continue
		}
		from, to := st.Goroutine()
		id := st.Resource.Goroutine()
		t := int64(ev.Time() - first)
		if v1 && from == trace.GoUndetermined && to == trace.GoRunnable &&
			ev.Goroutine() == trace.NoGoroutine && ev.Proc() == trace.NoProc && st.Stack == trace.NoStack {
			batch = append(batch, preInit{id, t})
			continue
		}
		flush()
		if from == to {
			continue
		}

		lt := current[id]
		if lt == nil || from == trace.GoNotExist || from == trace.GoUndetermined {
			lt = &lifetime{ID: int64(id)}
			current[id] = lt
			out.Goroutines = append(out.Goroutines, lt)
		}
		by := int64(-1)
		if g := ev.Goroutine(); g != trace.NoGoroutine && g != id {
			by = int64(g)
		}
		leaf := ""
		for fr := range st.Stack.Frames() {
			leaf = fr.Func
			break
		}
		lt.add(t, from, to, st.Reason, by, leaf)

		if from == trace.GoRunning {
			if o, ok := running[id]; ok {
				o.p.End[o.idx] = t
				delete(running, id)
			}
		}
		if to == trace.GoRunning {
			if p := ev.Proc(); p != trace.NoProc {
				pr := procs[p]
				if pr == nil {
					pr = &proc{ID: int64(p)}
					procs[p] = pr
				}
				pr.Start = append(pr.Start, t)
				pr.End = append(pr.End, -1)
				pr.G = append(pr.G, int64(id))
				running[id] = open{pr, len(pr.Start) - 1}
			}
		}
	}
	flush()
	out.FirstTimeNs = int64(first)
	out.EndNs = int64(last - first)
	for _, o := range running {
		o.p.End[o.idx] = out.EndNs
	}
	for _, pr := range procs {
		// Slices are appended in event order, so already sorted by start; keep it stable.
		idx := make([]int, len(pr.Start))
		for i := range idx {
			idx[i] = i
		}
		sort.SliceStable(idx, func(a, b int) bool { return pr.Start[idx[a]] < pr.Start[idx[b]] })
		s, e, g := make([]int64, len(idx)), make([]int64, len(idx)), make([]int64, len(idx))
		for i, j := range idx {
			s[i], e[i], g[i] = pr.Start[j], pr.End[j], pr.G[j]
		}
		pr.Start, pr.End, pr.G = s, e, g
		out.Procs = append(out.Procs, pr)
	}
	sort.Slice(out.Procs, func(a, b int) bool { return out.Procs[a].ID < out.Procs[b].ID })
	return out, nil
}
