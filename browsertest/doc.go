// Package browsertest holds the browser tests of POKOT: they start the real application
// in-process on an httptest server, drive a real headless Chromium through the DevTools
// protocol (chromedp), and check every page type with axe-core for WCAG 2.1 A/AA violations,
// visible keyboard focus and a 320 px wide viewport.
//
// The package has only tests. They skip when Chromium or axe-core is missing, unless
// POKOT_BROWSER=1 is set, when they fail instead (make test sets it). See docs/testing.md.
package browsertest
