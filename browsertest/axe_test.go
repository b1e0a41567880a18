package browsertest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/chromedp/chromedp"
)

// axeTags are the rule sets that axe-core checks: WCAG 2.0 and 2.1, levels A and AA.
const axeTags = `['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']`

var (
	axeOnce   sync.Once
	axeSource string
	axeErr    error
)

// axeScript returns the contents of axe.min.js: POKOT_AXE, else the copy that scripts/test.sh
// installs from the npm registry into .cache/npm.
func axeScript(t *testing.T) string {
	t.Helper()
	axeOnce.Do(func() {
		path := os.Getenv("POKOT_AXE")
		if path == "" {
			path = filepath.Join("..", ".cache", "npm", "node_modules", "axe-core", "axe.min.js")
		}
		b, err := os.ReadFile(path)
		if err != nil {
			axeErr = fmt.Errorf("axe-core not found (%v); scripts/test.sh installs it, or set POKOT_AXE to axe.min.js", err)
			return
		}
		axeSource = string(b)
	})
	if axeErr != nil {
		need(t, "%v", axeErr)
	}
	return axeSource
}

// axeViolation is one failed axe rule with the elements that fail it.
type axeViolation struct {
	ID     string    `json:"id"`
	Impact string    `json:"impact"`
	Help   string    `json:"help"`
	Nodes  []axeNode `json:"nodes"`
}

type axeNode struct {
	Target  string `json:"target"`
	Summary string `json:"summary"`
	HTML    string `json:"html"`
}

// axeResult is what checkAxe reads back from axe.run.
type axeResult struct {
	Version    string         `json:"version"`
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
	Incomplete []axeViolation `json:"incomplete"`
}

const axeRun = `(async () => {
	const r = await axe.run(document, {runOnly: {type: 'tag', values: ` + axeTags + `}, resultTypes: ['violations', 'incomplete']});
	const conv = vs => vs.map(v => ({id: v.id, impact: v.impact || '', help: v.help,
		nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary || '', html: n.html.slice(0, 160)}))}));
	return {version: axe.version, passes: r.passes.length, violations: conv(r.violations), incomplete: conv(r.incomplete)};
})()`

// axeProblems runs axe-core on the tab's current page and returns every WCAG 2.1 A/AA
// violation: rule, impact and the elements. Results that axe cannot decide alone
// ("incomplete", e.g. contrast over a background image) are logged for a person to review.
func axeProblems(t *testing.T, ctx context.Context) (problems []string) {
	t.Helper()
	src := axeScript(t)
	if !eval[bool](t, ctx, `typeof axe === 'object'`) {
		do(t, ctx, "inject axe-core", chromedp.Evaluate[chromedp.Void](src))
	}
	res := run(t, ctx, "axe.run", chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if res.Passes == 0 && len(res.Violations) == 0 {
		problems = append(problems, "axe-core "+res.Version+" checked nothing (empty page?)")
	}
	for _, v := range res.Incomplete {
		t.Logf("%s: axe-core needs a person to review: %s", location(ctx), describe(v))
	}
	for _, v := range res.Violations {
		problems = append(problems, "axe-core "+res.Version+" WCAG 2.1 A/AA violation: "+describe(v))
	}
	return problems
}

func describe(v axeViolation) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s [%s] %s", v.ID, v.Impact, v.Help)
	for i, n := range v.Nodes {
		if i == 8 {
			fmt.Fprintf(&b, "\n      … and %d more", len(v.Nodes)-i)
			break
		}
		fmt.Fprintf(&b, "\n      at %s: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
	}
	return b.String()
}
