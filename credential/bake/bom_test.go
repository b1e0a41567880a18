package bake_test

import (
	"bytes"
	"testing"

	"github.com/pokot/pokot/credential/bake"
)

// Exports of common editors: a UTF-8 byte order mark, an SVG 1.1 DOCTYPE, comments and
// processing instructions before the root.
func TestSVGEditorExports(t *testing.T) {
	doctype := `<?xml version="1.0" encoding="utf-8"?>
<!-- Generator: Adobe Illustrator 27.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">
<svg version="1.1" id="Layer_1" xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" x="0px" y="0px"
	 viewBox="0 0 100 100" style="enable-background:new 0 0 100 100;" xml:space="preserve">
<circle cx="50" cy="50" r="40"/>
</svg>`
	for name, in := range map[string][]byte{
		"doctype": []byte(doctype),
		"bom":     append([]byte("\xef\xbb\xbf"), svgImage...),
	} {
		baked, err := bake.SVG(in, []byte(jwt))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		got, err := bake.ExtractSVG(baked)
		if err != nil || string(got) != jwt {
			t.Fatalf("%s: extracted %q, %v", name, got, err)
		}
		if name == "bom" && !bytes.HasPrefix(baked, []byte("\xef\xbb\xbf<?xml")) {
			t.Fatalf("%s: the byte order mark was lost", name)
		}
	}
}
