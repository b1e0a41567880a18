//go:build race

package browsertest

// raceFlags builds cmd/pokot the way this test binary was built, with the race detector,
// so that the build reuses the packages the race-enabled test run has compiled already.
var raceFlags = []string{"-race"}
