package carrier

import "testing"

// benchNumbers are the conformance numbers, cleaned as Check would before detecting.
func benchNumbers(tb testing.TB) []string {
	vs := loadVectors(tb)
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i], _ = Normalize(v.Number)
	}
	return out
}

// BenchmarkDetect is the hot path: one op is one cleaned number detected and ranked, check
// digits included, links not built. Target: 2 000 000 a second a core, no allocation.
func BenchmarkDetect(b *testing.B) {
	ns := benchNumbers(b)
	buf := make([]Match, 0, maxCandidates)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		buf = Detect(ns[i%len(ns)], buf[:0])
	}
}

// BenchmarkCheck is the whole job for one pasted number: cleaning, detection, fields, links, flags.
func BenchmarkCheck(b *testing.B) {
	vs := loadVectors(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Check(vs[i%len(vs)].Number, Options{Country: "DE"})
	}
}

func TestDetectDoesNotAllocate(t *testing.T) {
	ns := benchNumbers(t)
	buf := make([]Match, 0, maxCandidates)
	allocs := testing.AllocsPerRun(20, func() {
		for _, n := range ns {
			buf = Detect(n, buf[:0])
		}
	})
	if allocs != 0 {
		t.Errorf("Detect allocates %.1f times per pass over %d numbers", allocs, len(ns))
	}
}
