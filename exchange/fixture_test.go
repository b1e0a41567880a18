package exchange_test

import (
	"testing"

	"github.com/pokot/pokot"
	"github.com/pokot/pokot/exchange"
	"github.com/pokot/pokot/exchange/exchangetest"
)

const base = "https://pokot.example.fi"

func testOrg() *pokot.Organisation { return exchangetest.Org() }

func testContent(testing.TB) pokot.MicrocredentialContent { return exchangetest.Content() }

func testVersion(testing.TB) *pokot.MicrocredentialVersion { return exchangetest.Version() }

func normalize(c pokot.MicrocredentialContent) pokot.MicrocredentialContent {
	return exchangetest.Normalize(c)
}

func testExport(t testing.TB) exchange.Export {
	return exchange.Export{BaseURL: base, Org: testOrg(), Version: testVersion(t)}
}
