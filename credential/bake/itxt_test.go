package bake_test

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"testing"

	"github.com/pokot/pokot/credential/bake"
)

// insertChunk puts a chunk of type typ with body before IEND of a PNG.
func insertChunk(png []byte, typ string, body []byte) []byte {
	c := binary.BigEndian.AppendUint32(nil, uint32(len(body)))
	c = append(c, typ...)
	c = append(c, body...)
	c = binary.BigEndian.AppendUint32(c, crc32.ChecksumIEEE(c[4:]))
	iend := len(png) - 12
	return append(append(bytes.Clone(png[:iend]), c...), png[iend:]...)
}

func compressedITXt(text []byte) []byte {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(text)
	zw.Close()
	body := append([]byte(bake.Keyword), 0, 1, 0, 0, 0) // compressed, zlib
	return append(body, z.Bytes()...)
}

// Baking never compresses, but a compressed chunk written by another tool is read, with
// its decompressed size bounded.
func TestPNGCompressedITXt(t *testing.T) {
	png := insertChunk(testPNG(t), "iTXt", compressedITXt([]byte(jwt)))
	got, err := bake.ExtractPNG(png)
	if err != nil || string(got) != jwt {
		t.Fatalf("extracted %q, %v", got, err)
	}
	bomb := insertChunk(testPNG(t), "iTXt", compressedITXt(append([]byte("{"), make([]byte, 64<<20)...)))
	if len(bomb) > 200<<10 {
		t.Fatalf("bomb of %d bytes; want a small input", len(bomb))
	}
	if _, err := bake.ExtractPNG(bomb); !errors.Is(err, bake.ErrTooLarge) {
		t.Fatalf("zlib bomb: err = %v", err)
	}
}

// Other text chunks, including Open Badges 2.0's "openbadges", are kept and ignored.
func TestPNGKeepsOtherTextChunks(t *testing.T) {
	ob2 := append([]byte("openbadges\x00\x00\x00\x00\x00"), "https://example.org/assertion"...)
	png := insertChunk(testPNG(t), "iTXt", ob2)
	png = insertChunk(png, "tEXt", []byte("Comment\x00hello"))
	if _, err := bake.ExtractPNG(png); !errors.Is(err, bake.ErrNoCredential) {
		t.Fatalf("err = %v", err)
	}
	baked, err := bake.PNG(png, []byte(jwt))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(baked, ob2) || !bytes.Contains(baked, []byte("Comment\x00hello")) {
		t.Fatal("other text chunks were dropped")
	}
	if got, err := bake.ExtractPNG(baked); err != nil || string(got) != jwt {
		t.Fatalf("extracted %q, %v", got, err)
	}
}
