package casework_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"proofpack/casework"
)

// BenchmarkImport imports order lists of 10 000 and 100 000 rows into a new store each time.
// The goals (issue 14): cost grows linearly, 100 000 rows at most 11 times 10 000, and 10 000
// rows faster than Chromium opens one page (BenchmarkCLIScreenshot10 in evidence/chrome).
func BenchmarkImport(b *testing.B) {
	for _, rows := range []int{10_000, 100_000} {
		var file bytes.Buffer
		file.WriteString(head)
		for i := range rows {
			fmt.Fprintf(&file, "%d,2026-09-01,Shop %d,Item %d,%d.50,USD,LP%014d,,US,Austin,78701,aliexpress\n", 500000+i, i%37, i, i%90+1, i)
		}
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				s := service(b)
				b.StartTimer()
				rep, err := s.ImportOrders(context.Background(), bytes.NewReader(file.Bytes()), casework.ImportOptions{})
				if err != nil || rep.Added != rows {
					b.Fatalf("%+v %v", rep.Added, err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(rows), "ns/row")
		})
	}
}
