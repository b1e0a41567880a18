package jsonld_test

import (
	"sync"
	"testing"

	"github.com/pokot/pokot/credential/jsonld"
)

// TestConcurrentCanonicalize shares one Processor (and its context caches)
// between goroutines; run with -race.
func TestConcurrentCanonicalize(t *testing.T) {
	p := jsonld.New()
	docs := []string{"testdata/ob3-ldp-unsigned.json", "testdata/clr2-ldp-unsigned.json"}
	wants := []string{readText(t, "testdata/obv3p0-document-canon.txt"), readText(t, "testdata/clrv2p0-document-canon.txt")}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				k := (g + i) % 2
				got, err := p.Canonicalize(readJSON(t, docs[k]))
				if err != nil || got != wants[k] {
					errs <- docs[k]
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("%s canonicalized differently under concurrency", e)
	}
}
