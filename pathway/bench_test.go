package pathway_test

import (
	"testing"

	"github.com/pokot/pokot"
)

// BenchmarkAfterIssuedNoPathway is the hook's cost per issued credential when the POK is
// in no pathway (the common case inside a large batch): two indexed reads.
func BenchmarkAfterIssuedNoPathway(b *testing.B) {
	e := newEnv(b, 2)
	e.define(b, 0, e.mcs[1])
	c := e.issue(b, e.mcs[0], "liisa@example.fi")[0]
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got, err := e.pathways.AfterIssued(ctx, c); err != nil || len(got) != 0 {
			b.Fatal(err, got)
		}
	}
}

// BenchmarkAfterIssuedAlreadyIssued is the cost when the POK is in a pathway the learner
// has already completed (a retried batch): the progress read and nothing issued.
func BenchmarkAfterIssuedAlreadyIssued(b *testing.B) {
	e := newEnv(b, 1)
	e.define(b, 0, e.mcs[0])
	c := e.issue(b, e.mcs[0], "liisa@example.fi")[0]
	if got, err := e.pathways.AfterIssued(ctx, c); err != nil || len(got) != 1 {
		b.Fatal(err, got)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got, err := e.pathways.AfterIssued(ctx, c); err != nil || len(got) != 0 {
			b.Fatal(err, got)
		}
	}
}

// BenchmarkAfterIssuedChunkNoPathway is the per-chunk hook over 500 credentials of a POK in
// no pathway, as the issuing worker would call it once per stored chunk.
func BenchmarkAfterIssuedChunkNoPathway(b *testing.B) {
	e := newEnv(b, 2)
	e.define(b, 0, e.mcs[1])
	c := e.issue(b, e.mcs[0], "liisa@example.fi")[0]
	chunk := make([]*pokot.IssuedCredential, 500)
	for i := range chunk {
		chunk[i] = c
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if got, err := e.pathways.AfterIssuedChunk(ctx, chunk); err != nil || len(got) != 0 {
			b.Fatal(err, got)
		}
	}
}
