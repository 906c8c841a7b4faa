"""Korean full-text search shared by the platform: the report archive now, the newsletter's web archive and the
notices later.

A document is an object of some kind (`kind`, `object_id`: `info.report` #12) with three weighted fields —
title, summary, body — and a date. An app indexes its objects through `services.index_document` /
`remove_document` (after every change that alters their text) and searches through `queries.rank` (ids best
first, inside its own filters) and `queries.snippets` (the passage to show).

Rules (issue 13: "the way the directory is", members/search.py):
- A part of a word finds the whole: `트윈` finds `디지털트윈`.
- Spacing does not matter, either way: text and query are compacted (`text.compact`: width and case folded,
  letters and digits only), so `디지털 트윈` finds `디지털트윈` and `디지털트윈` finds `디지털 트윈`.
- Particles do not hide words: `보고서` finds `보고서를` (a part of the word), and a query word loses its
  trailing particle (`text.strip_particle`: `보고서를` → `보고서`, `AI가` → `ai`) when two letters remain.
- Case and width are folded (`XR` = `xr` = `ＸＲ`).
- Every word of the query must match (AND); a query is at most 8 words of 40 letters.
- A one-letter word (`값`) is looked for in titles and summaries only (in a body nearly every letter occurs).
- Ranking: by how often the query's words occur in the title, then in the summary, then in the body (each
  word's count per field capped at 999), then the newer date, then the higher id. A word's count in a field is
  the least count of its two-letter pieces there.
- Snippet: the best ~160-character passage of the summary or body (snippets.py), with the matched words as
  spans for the template to mark.

Design (chosen for p95 ≤ 50 ms over 10,000 reports with a 300-page one among them, on SQLite and PostgreSQL;
`bench/archive_search.py` measures it): the directory's bigram index, per object. `FullTextPosting` holds one
row per (gram, object) — every two-letter piece of the compacted text, and the single letters of the title
and summary, the kind in the gram's high bits — with its count in each field and the object's date. The
primary key holds all a search reads (WITHOUT ROWID on SQLite, INCLUDE on PostgreSQL), so a search is one
SQL statement over the key alone: the rarest gram's range (counted first, up to a cap) joined by key to the
row of every other gram for the same object — an object lacking one drops out, no grouping — scored and
ordered; the caller's filters join as a subquery. A rare word costs its few rows; a word every report holds
costs a key lookup per report and gram (about 25 ms of CPU for 10,000 reports on SQLite). A query word thus
matches an object holding all its two-letter pieces: always where the word occurs, and, rarely, where the
pieces occur apart (`보고` and `고서` in different words); the snippet then marks nothing for that word.
`FullTextDocument` keeps the texts the snippets are cut from.

Why not a term dictionary with morphemes (Kiwi): analysing text with Kiwi runs at about 20,000 characters a
second here (a 300-page report would take half a minute) and a word dictionary needs a second index for
spacing (`디지털 트윈`) and returns thousands of terms for a short query part; bigrams answer partial words and
spacing by construction, and a short query part is one gram.

Writes are bounded: a body is cut at 3,000,000 characters; a document's rows are replaced in one
transaction (bulk COPY on PostgreSQL, multi-row INSERT on SQLite).
"""
