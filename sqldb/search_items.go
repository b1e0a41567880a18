package sqldb

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/pokot/pokot"
)

// maxItems bounds the cache of decoded listings (2.4 KiB each for the load test's POKs,
// more for long descriptions).
const maxItems = 4096

// itemCache keeps the decoded listing content of published versions by version id, so that
// a result page does not read and decode the same JSON again (decoding was most of a
// search's CPU time). A published version's content never changes, and the snapshot names
// each POK's current version, so an entry is never stale.
type itemCache struct {
	mu sync.Mutex
	m  map[int64]*pokot.MicrocredentialContent
}

func (c *itemCache) get(versionID int64) *pokot.MicrocredentialContent {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.m[versionID]
}

func (c *itemCache) put(versionID int64, content *pokot.MicrocredentialContent) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = make(map[int64]*pokot.MicrocredentialContent, 1024)
	}
	if len(c.m) >= maxItems {
		// Forget a random half (map order is random): the popular listings, asked for
		// again and again, are mostly back before the next eviction.
		for id := range c.m {
			if len(c.m) <= maxItems/2 {
				break
			}
			delete(c.m, id)
		}
	}
	c.m[versionID] = content
}

// items fills res.Items with the page's POKs, in the page's order: from the snapshot and
// the cache, reading and decoding only the listings not cached. Items share their
// Content's maps and slices with the cache: callers must not modify them.
func (db *DB) items(ctx context.Context, snap *snapshot, page []int32, res *pokot.CatalogResult) error {
	cache := &db.catCache().items
	contents := make([]*pokot.MicrocredentialContent, len(page))
	a := &args{}
	var ph []string
	for i, e := range page {
		if contents[i] = cache.get(snap.entries[e].versionID); contents[i] == nil {
			ph = append(ph, a.p(snap.entries[e].id))
		}
	}
	if len(ph) > 0 {
		read, err := readListings(ctx, db.r, ph, a.vs)
		if err != nil {
			return err
		}
		for i, e := range page {
			if c := read[snap.entries[e].versionID]; contents[i] == nil && c != nil {
				contents[i] = c
				cache.put(snap.entries[e].versionID, c)
			}
		}
	}
	for i, e := range page {
		if contents[i] == nil {
			continue // withdrawn or replaced since the snapshot was read: the next search has it
		}
		en := &snap.entries[e]
		it := &pokot.CatalogItem{ID: en.id, OrgID: en.org, Slug: en.slug, Version: en.version, VersionID: en.versionID,
			Content: *contents[i]}
		it.PublishedAt, _ = parseTime(en.published)
		res.Items = append(res.Items, it)
	}
	return nil
}

// readListings reads and decodes the listing content of POKs by id (ph, vs), keyed by the
// version id the catalogue has now.
func readListings(ctx context.Context, q querier, ph []string, vs []any) (map[int64]*pokot.MicrocredentialContent, error) {
	rows, err := q.QueryContext(ctx, `
		SELECT c.version_id, d.content FROM catalog c JOIN catalog_docs d ON d.mc_id = c.mc_id
		WHERE c.mc_id IN (`+strings.Join(ph, ", ")+`)`, vs...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]*pokot.MicrocredentialContent{}
	for rows.Next() {
		var id int64
		var content string
		if err := rows.Scan(&id, &content); err != nil {
			return nil, err
		}
		c := &pokot.MicrocredentialContent{}
		if err := json.Unmarshal([]byte(content), c); err != nil {
			return nil, fmt.Errorf("sqldb: catalog version %d: %w", id, err)
		}
		out[id] = c
	}
	return out, rows.Err()
}
