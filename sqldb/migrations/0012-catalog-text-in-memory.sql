-- The catalogue's words are matched in memory now (sqldb/search_text.go: a vocabulary of the
-- stemmed words of catalog.search_title and catalog_docs.search_body with a suffix array),
-- so the database's own text indexes are no longer read or written: the FTS5 table on
-- SQLite and the tsvector table on PostgreSQL. Each engine has only one of them.
DROP TABLE IF EXISTS catalog_fts;
DROP TABLE IF EXISTS catalog_terms;
