//go:build !race

package browsertest

// raceFlags builds cmd/pokot the way this test binary was built (see delivery_race_test.go).
var raceFlags []string
