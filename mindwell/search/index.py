"""The full-text index on both databases, behind one interface: `store` and `remove`
documents, `find` posts matching an `Expression` among a QuerySet's posts.

SQLite: an FTS5 table `search_fts` whose rowid is the post's id, one column per document
column. PostgreSQL: `search_entry`, a tsvector per post with the columns as weights A to D
(marks unweighted, D), under a GIN index. Both hold the terms of search.analysis, so the
same query finds the same posts on either, and both rank them by the same rule
(`_presence_rank`): each phrase counts by the best place a post has it, the title above
the tags above the text. Not bm25: FTS5 reads a common word's every posting to weigh it
(50-70 ms for a word in a third of 3.5 million posts, however few are ranked), and ties
go to the votes anyway.

A query that matches many posts is ranked among its newest `CANDIDATES` matches (the
filters, visibility included, are applied before that cut): a word in a third of a million
posts costs a bounded scan, and what is past the bound is what the person narrows to."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from django.db import connection, transaction
from django.db.models import QuerySet

from mindwell.qa.models import Post, PostKind
from mindwell.search import analysis
from mindwell.search.documents import COLUMNS, Document

CANDIDATES = 1000
Column = Literal["title", "tags", "body", "comments", "marks"]
# What a phrase adds to a post's rank by where the post has it (a match only in the text or
# a comment adds nothing: every candidate matches). The first RANKED_PHRASES are weighed.
PLACE_WEIGHTS: dict[Column, float] = {"title": 10.0, "tags": 4.0}
RANKED_PHRASES = 4
# ts_rank weights {D, C, B, A} on PostgreSQL, for the plain baseline of similar_eval.
TS_RANK_WEIGHTS = "{0.05, 0.2, 0.4, 1.0}"
# As migration 0001 made it.
SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE search_fts USING fts5("
    "title, tags, body, comments, marks, tokenize = 'unicode61 remove_diacritics 0')"
)
POSTGRES_VECTOR_INDEX = (
    "CREATE INDEX IF NOT EXISTS search_entry_vector_idx ON search_entry USING gin (vector)"
)
PG_WEIGHT = {"title": "A", "tags": "B", "body": "C", "comments": "D", "marks": "D"}
MAX_POSITION = 16383  # PostgreSQL keeps later positions as this one


@dataclass(frozen=True)
class Phrase:
    """One term, or several in a row (an exact phrase); `columns` narrows where."""

    terms: tuple[str, ...]
    columns: tuple[Column, ...] = ()


@dataclass(frozen=True)
class Expression:
    """Every one of `all_of`, at least one of `any_of` (when given), none of `none_of`.
    There must be something to look for: `all_of` or `any_of`."""

    all_of: tuple[Phrase, ...] = ()
    any_of: tuple[Phrase, ...] = ()
    none_of: tuple[Phrase, ...] = ()

    def __post_init__(self) -> None:
        if not (self.all_of or self.any_of):
            raise ValueError("An expression needs a phrase to look for.")
        for phrase in (*self.all_of, *self.any_of, *self.none_of):
            if not phrase.terms or not all(term.isalnum() for term in phrase.terms):
                raise ValueError(f"Not index terms: {phrase.terms!r}")


@dataclass(frozen=True)
class Found:
    post_ids: list[int] = field(default_factory=list)  # this page, best first
    total: int = 0  # how many matched, counted up to CANDIDATES
    bounded: bool = False  # more matched than CANDIDATES: ranked among the newest


def _is_postgres() -> bool:
    return connection.vendor == "postgresql"


# --- writing -----------------------------------------------------------------------------


def store(documents: Iterable[Document]) -> int:
    """Write (or replace) these documents; returns how many."""
    rows = list(documents)
    if not rows:
        return 0
    with transaction.atomic(), connection.cursor() as cursor:
        if _is_postgres():
            cursor.executemany(
                "INSERT INTO search_entry (post_id, vector) VALUES (%s, %s::tsvector) "
                "ON CONFLICT (post_id) DO UPDATE SET vector = EXCLUDED.vector",
                [(row.post_id, tsvector(row)) for row in rows],
            )
        else:
            cursor.executemany(
                "INSERT OR REPLACE INTO search_fts (rowid, title, tags, body, comments, marks) "
                "VALUES (%s, %s, %s, %s, %s, %s)",
                [(row.post_id, *row.columns()) for row in rows],
            )
    return len(rows)


def tsvector(document: Document) -> str:
    """The document as tsvector input: each term with its positions, weighted by column.
    Written here rather than by to_tsvector (a parser run five times a post, the slowest
    part of a rebuild); the columns are a position apart, so no phrase runs from one into
    the next (as in FTS5, where a phrase stays within a column)."""
    places: dict[str, list[str]] = defaultdict(list)
    at = 0
    for column, text in zip(COLUMNS, document.columns(), strict=True):
        label = "" if PG_WEIGHT[column] == "D" else PG_WEIGHT[column]
        for term in text.split():
            at += 1
            places[term].append(f"{min(at, MAX_POSITION)}{label}")
        at += 1
    terms = " ".join(f"'{term}':{','.join(found)}" for term, found in places.items())
    return f"{terms} '{bucket(document.post_id)}'"


def bucket(post_id: int) -> str:
    """The lexeme of the post's bucket of ids (`_newest_matches`); no term of the analysis
    starts with `~`."""
    return f"~b{post_id // BUCKET_IDS}"


def remove(post_ids: Iterable[int]) -> None:
    ids = [(post_id,) for post_id in post_ids]
    if not ids:
        return
    table, key = ("search_entry", "post_id") if _is_postgres() else ("search_fts", "rowid")
    with connection.cursor() as cursor:
        cursor.executemany(f"DELETE FROM {table} WHERE {key} = %s", ids)


def clear() -> None:
    """Empty the index. FTS5 deletes row by row (minutes on a large site), so its table is
    made again instead."""
    with connection.cursor() as cursor:
        if _is_postgres():
            # TRUNCATE waits for no deferred key check of this transaction: run them first
            # (every key here is deferrable and initially deferred, as Django makes them).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute("TRUNCATE search_entry")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            cursor.execute("DROP TABLE search_fts")
            cursor.execute(SQLITE_TABLE)


def is_empty() -> bool:
    table = "search_entry" if _is_postgres() else "search_fts"
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT 1 FROM {table} LIMIT 1")
        return cursor.fetchone() is None


def indexed_ids(post_ids: Iterable[int]) -> set[int]:
    """Which of these posts have a document."""
    ids = list(post_ids)
    if not ids:
        return set()
    table, key = ("search_entry", "post_id") if _is_postgres() else ("search_fts", "rowid")
    marks = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {key} FROM {table} WHERE {key} IN ({marks})", ids)
        return {row[0] for row in cursor.fetchall()}


# --- matching ----------------------------------------------------------------------------


def _fts5_phrase(phrase: Phrase) -> str:
    text = '"' + " ".join(phrase.terms) + '"'
    if phrase.columns:
        return "{" + " ".join(phrase.columns) + "} : " + text
    return text


def fts5_query(expression: Expression) -> str:
    """The FTS5 MATCH text. Terms are letters and digits only, always quoted, so nothing in
    a query can be read as FTS5 syntax."""
    parts = [_fts5_phrase(phrase) for phrase in expression.all_of]
    if expression.any_of:
        parts.append("(" + " OR ".join(_fts5_phrase(p) for p in expression.any_of) + ")")
    text = " AND ".join(parts)
    if expression.none_of:
        text = f"({text}) NOT (" + " OR ".join(_fts5_phrase(p) for p in expression.none_of) + ")"
    return text


def _any_term(terms: Iterable[str], columns: Sequence[Column] = ()) -> tuple[str, str]:
    """Any one of `terms` in `columns` (anywhere when none), as FTS5 match text and as
    tsquery text."""
    listed = list(terms)
    fts5_match = "(" + " OR ".join(f'"{term}"' for term in listed) + ")"
    if columns:
        fts5_match = "{" + " ".join(columns) + "} : " + fts5_match
    weights = "".join(sorted({PG_WEIGHT[column] for column in columns}))
    label = f":{weights}" if weights else ""
    return fts5_match, "(" + " | ".join(f"'{term}'{label}" for term in listed) + ")"


def _ts_phrase(phrase: Phrase) -> str:
    weights = "".join(sorted({PG_WEIGHT[column] for column in phrase.columns}))
    label = f":{weights}" if weights else ""
    return "(" + " <-> ".join(f"'{term}'{label}" for term in phrase.terms) + ")"


def tsquery(expression: Expression) -> str:
    """The tsquery text, read as it is (no parser runs on it): quoted terms, `<->` for
    phrases, weight labels for columns."""
    parts = [_ts_phrase(phrase) for phrase in expression.all_of]
    if expression.any_of:
        parts.append("(" + " | ".join(_ts_phrase(p) for p in expression.any_of) + ")")
    text = " & ".join(parts)
    if expression.none_of:
        text = f"({text}) & !(" + " | ".join(_ts_phrase(p) for p in expression.none_of) + ")"
    return text


def _where(posts: QuerySet[Post]) -> tuple[str, Sequence[Any]]:
    """The WHERE clause of `posts` as SQL on the table qa_post, without joins."""
    query = posts.query
    compiler = query.get_compiler(connection=connection)
    compiler.setup_query()
    if sum(1 for count in query.alias_refcount.values() if count) > 1:
        raise ValueError("Search filters must be columns of the post itself (or EXISTS).")
    if not query.where:
        return "1 = 1", ()
    sql, params = compiler.compile(query.where)
    return sql, params


def find(
    *,
    expression: Expression | None,
    posts: QuerySet[Post],
    offset: int = 0,
    limit: int = 20,
    candidates: int = CANDIDATES,
) -> Found:
    """The page of `posts` matching `expression`, best first: rank (title above tags above
    text), then score, then accepted answers, then the newest. Without an expression
    (filters only), the matching posts by score. `posts` carries the filters and who may
    see what, as conditions on the post's own row."""
    where, where_params = _where(posts)
    table = Post._meta.db_table
    columns = f"{table}.id, {table}.score, {table}.is_accepted"
    weighed = [] if expression is None else _weighed_places(expression)
    rank, rank_params = _presence_rank(weighed)
    if expression is None:
        inner = f"SELECT {columns} FROM {table} WHERE {where} ORDER BY {table}.id DESC LIMIT %s"
        params: list[Any] = [*where_params, candidates]
    elif _is_postgres():
        # Ranked with the matches, as they are read (`v`, their index rows), and ordered here.
        matches = _newest_matches(
            tsquery(expression),
            (f"{columns}, {rank}", rank_params),
            where,
            where_params,
            limit=candidates,
            vectors=bool(weighed),
        )
        matches.sort(key=lambda row: (row[3], row[1], row[2], row[0]), reverse=True)
        total = len(matches)
        return Found(
            post_ids=[row[0] for row in matches[offset : offset + limit]],
            total=total,
            bounded=total >= candidates,
        )
    else:
        inner = (
            f"SELECT {columns} FROM search_fts JOIN {table} ON {table}.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND ({where}) ORDER BY search_fts.rowid DESC LIMIT %s"
        )
        params = [fts5_query(expression), *where_params, candidates]
    sql = (
        f"WITH found AS MATERIALIZED ({inner}) "
        f"SELECT id, COUNT(*) OVER () FROM (SELECT id, score, is_accepted, {rank} AS rank "
        "FROM found) ranked "
        "ORDER BY rank DESC, score DESC, is_accepted DESC, id DESC LIMIT %s OFFSET %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *rank_params, limit, offset])
        rows = cursor.fetchall()
    if not rows:
        total = _count(inner, params) if offset else 0
        return Found(total=total, bounded=total >= candidates)
    total = rows[0][1]
    return Found(post_ids=[row[0] for row in rows], total=total, bounded=total >= candidates)


def _weighed_places(expression: Expression) -> list[tuple[str, str, float]]:
    """The checks a match is ranked by: each phrase narrowed to each weighed place."""
    checks = []
    for phrase in (*expression.all_of, *expression.any_of)[:RANKED_PHRASES]:
        for column, weight in PLACE_WEIGHTS.items():
            if not phrase.columns or column in phrase.columns:
                narrowed = Phrase(terms=phrase.terms, columns=(column,))
                checks.append((_fts5_phrase(narrowed), _ts_phrase(narrowed), weight))
    return checks


_VECTORS = " JOIN search_entry v ON v.post_id = found.id"
# PostgreSQL: GIN hands back its matches in no order, and reads every posting of each
# term, so the newest few would cost reading every match (and for a phrase, every post
# holding its words, to check their positions). Each document also holds the lexeme of its
# bucket of BUCKET_IDS ids (`bucket`), and the matches are looked for in windows of the
# newest ids, newest first: within a window of at most MAX_BUCKETS buckets the query names
# them, and GIN skips to their postings. The first window is FIRST_WINDOW ids wide; the
# next, as wide as the matches found so far say the rest need, WINDOW_HEADROOM times over.
# (A new width needs `rebuild_search_index`, as migration 0005 ran it for this one.)
BUCKET_IDS = 10_000
MAX_BUCKETS = 32
FIRST_WINDOW = 20_000
WINDOW_HEADROOM = 1.25


def _in_window(query: str, below: int, above: int) -> str:
    """The tsquery text of `query` narrowed to the buckets of the ids in (below, above],
    when they are few enough to be worth naming."""
    first, last = (below + 1) // BUCKET_IDS, above // BUCKET_IDS
    if last - first >= MAX_BUCKETS:
        return query
    buckets = " | ".join(f"'{bucket(number * BUCKET_IDS)}'" for number in range(first, last + 1))
    return f"({query}) & ({buckets})"


def _newest_matches(
    query: str,
    columns: tuple[str, Sequence[Any]],
    where: str,
    where_params: Sequence[Any],
    *,
    limit: int,
    vectors: bool = False,
) -> list[tuple[Any, ...]]:
    """The columns (SQL and its parameters) of the newest `limit` posts matching the tsquery
    text `query` and `where` (a condition on qa_post's row), newest first, window by
    window; with `vectors`, the columns may read each one's index row as `v`."""
    table = Post._meta.db_table
    select, select_params = columns
    # OFFSET 0 keeps the window a subquery of its own, in id order, so the joins read its
    # matches newest first and stop at the limit.
    sql = (
        f"SELECT {select} FROM (SELECT post_id FROM search_entry WHERE vector @@ %s::tsquery "
        "AND post_id > %s AND post_id <= %s ORDER BY post_id DESC OFFSET 0) e "
        f"JOIN {table} ON {table}.id = e.post_id "
        f"{'JOIN search_entry v ON v.post_id = e.post_id ' if vectors else ''}WHERE ({where}) "
        "ORDER BY e.post_id DESC LIMIT %s"
    )
    rows: list[tuple[Any, ...]] = []
    with connection.cursor() as cursor:
        cursor.execute("SELECT MAX(post_id) FROM search_entry")
        top = above = cursor.fetchone()[0] or 0
        width = FIRST_WINDOW
        while above > 0 and len(rows) < limit:
            # Down to a bucket's edge: a bucket named is read whole.
            below = max(0, (above - width) // BUCKET_IDS * BUCKET_IDS)
            need = limit - len(rows)
            window = [_in_window(query, below, above), below, above]
            cursor.execute(sql, [*select_params, *window, *where_params, need])
            rows.extend(cursor.fetchall())
            share = max(len(rows), 1) / (top - below)
            above, width = below, max(1, round((limit - len(rows)) / share * WINDOW_HEADROOM))
    return rows


def _presence_rank(checks: Sequence[tuple[str, str, float]]) -> tuple[str, list[Any]]:
    """The SQL of a candidate's rank, for rows of `found` on SQLite, and on PostgreSQL for
    rows whose index row is joined as `v` (`_VECTORS`; vectors carried through a sort of
    the candidates would spill to disk): the sum of the weights of the checks it passes,
    each (FTS5 match, tsquery, weight) and narrowed to one place. On PostgreSQL a test of
    the row's own vector; on SQLite whether its id is among the posts FTS5 finds from the
    oldest candidate's id on (a seek, then a short walk)."""
    parts, params = [], []
    for fts5_match, ts_query, weight in checks:
        if _is_postgres():
            parts.append(f"CASE WHEN v.vector @@ %s::tsquery THEN {weight!r}::float8 ELSE 0 END")
            params.append(ts_query)
        else:
            parts.append(
                "CASE WHEN found.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH %s "
                f"AND rowid >= (SELECT MIN(id) FROM found)) THEN {weight!r} ELSE 0 END"
            )
            params.append(fts5_match)
    return " + ".join(parts) or "0", params


def _count(inner: str, params: list[Any]) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM ({inner}) found", params)
        return int(cursor.fetchone()[0])


# --- similar questions (mindwell/search/similar.py) --------------------------------------

# Where a draft's words are looked for: the question's own words, not its comments.
SIMILAR_COLUMNS: tuple[Column, ...] = ("title", "tags", "body")
# What a group adds by where a question has it, times the group's weight.
SIMILAR_PLACES: dict[Column, float] = {"title": 3.0, "tags": 1.5, "body": 1.0}


def _check_terms(terms: Iterable[str]) -> None:
    for term in terms:
        if not term.isalnum():
            raise ValueError(f"Not an index term: {term!r}")


def document_counts(terms: Sequence[str], *, bound: int) -> dict[str, int]:
    """In how many documents each term appears (anywhere: a term's postings are read
    whole whatever the column, and on PostgreSQL a weight would mean reading each
    document), counted up to `bound`: past it a term is common, and the exact number would
    cost a scan of its every posting. One bounded query per term."""
    _check_terms(terms)
    counts: dict[str, int] = {}
    with connection.cursor() as cursor:
        for term in terms:
            if _is_postgres():
                cursor.execute(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM search_entry "
                    "WHERE vector @@ %s::tsquery LIMIT %s) hits",
                    [f"'{term}'", bound],
                )
            else:
                cursor.execute(
                    "SELECT COUNT(*) FROM (SELECT 1 FROM search_fts "
                    "WHERE search_fts MATCH %s LIMIT %s) hits",
                    [f'"{term}"', bound],
                )
            counts[term] = int(cursor.fetchone()[0])
    return counts


def rank_questions(
    *,
    groups: Sequence[tuple[Sequence[str], float]],
    posts: QuerySet[Post],
    limit: int,
    columns: Sequence[Column] = SIMILAR_COLUMNS,
    newest: int | None = None,
    plain_bm25: bool = False,
) -> list[int]:
    """The ids of `posts` holding a term of any group, best first: the sum over the groups
    of the group's weight (the caller's IDF) times the weight of each place in `columns`
    the question has one of its terms (SIMILAR_PLACES), the same on both databases. A group is
    a word with its synonyms. Ranks every match, or with `newest` only the newest that
    many: the caller keeps the work bounded by asking only for terms that are not common
    (`document_counts`), or by `newest` when all are. `plain_bm25`: the baseline that
    similar_eval compares with, bm25 on SQLite and ts_rank on PostgreSQL."""
    for terms, _weight in groups:
        _check_terms(terms)
    if not groups:
        return []
    if plain_bm25:
        return _rank_bm25(groups=groups, posts=posts, limit=limit, columns=columns)
    where, where_params = _where(posts)
    table = Post._meta.db_table
    checks = [
        (*_any_term(terms, (column,)), weight * SIMILAR_PLACES[column])
        for terms, weight in groups
        for column in columns
        if column in SIMILAR_PLACES
    ]
    rank, rank_params = _presence_rank(checks)
    every_fts5, every_ts = _any_term(term for terms, _ in groups for term in terms)
    params: list[Any]
    if _is_postgres() and newest is not None:
        # Ranked with the matches, as they are read, and ordered here (as `find` does). The
        # kind's marker lets GIN leave out the answers, most of the posts, before the join.
        questions_only = f"({every_ts}) & '{analysis.kind_term(PostKind.QUESTION)}'"
        matches = _newest_matches(
            questions_only, (f"{table}.id, {rank}", rank_params), where, where_params,
            limit=newest, vectors=True,
        )  # fmt: skip
        matches.sort(key=lambda row: (row[1], row[0]), reverse=True)
        return [row[0] for row in matches[:limit]]
    if _is_postgres():
        inner = (
            f"SELECT {table}.id FROM search_entry e JOIN {table} ON {table}.id = e.post_id "
            f"WHERE e.vector @@ %s::tsquery AND ({where})"
        )
        params = [every_ts, *where_params]
    else:
        # The index's own order: through qa_post's, FTS5 is probed a row at a time.
        cut = "" if newest is None else " ORDER BY search_fts.rowid DESC LIMIT %s"
        inner = (
            f"SELECT {table}.id FROM search_fts JOIN {table} ON {table}.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND ({where}){cut}"
        )
        params = [every_fts5, *where_params, *([] if newest is None else [newest])]
    sql = (
        f"WITH found (id) AS MATERIALIZED ({inner}) "
        f"SELECT id FROM (SELECT id, {rank} AS rank "
        f"FROM found{_VECTORS if _is_postgres() else ''}) ranked "
        "ORDER BY rank DESC, id DESC LIMIT %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *rank_params, limit])
        return [row[0] for row in cursor.fetchall()]


def _rank_bm25(
    *,
    groups: Sequence[tuple[Sequence[str], float]],
    posts: QuerySet[Post],
    limit: int,
    columns: Sequence[Column],
) -> list[int]:
    where, where_params = _where(posts)
    table = Post._meta.db_table
    fts5_match, query = _any_term((term for terms, _ in groups for term in terms), columns)
    if _is_postgres():
        sql = (
            f"SELECT {table}.id FROM search_entry e JOIN {table} ON {table}.id = e.post_id "
            f"WHERE e.vector @@ %s::tsquery AND ({where}) "
            f"ORDER BY ts_rank('{TS_RANK_WEIGHTS}', e.vector, %s::tsquery) DESC, "
            f"{table}.id DESC LIMIT %s"
        )
        params: list[Any] = [query, *where_params, query, limit]
    else:
        weights = "10.0, 4.0, 1.0, 0.0, 0.0"  # title, tags, text, comments, marks
        sql = (
            f"SELECT {table}.id FROM search_fts JOIN {table} ON {table}.id = search_fts.rowid "
            f"WHERE search_fts MATCH %s AND ({where}) "
            f"ORDER BY bm25(search_fts, {weights}), {table}.id DESC LIMIT %s"
        )
        params = [fts5_match, *where_params, limit]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [row[0] for row in cursor.fetchall()]


_TS_LEXEME = re.compile(r"'([^']*)'(?::([0-9A-D,]+))?")


def stored_terms(post_ids: Sequence[int]) -> dict[int, dict[str, list[str]]]:
    """The terms each post's document holds in its title, tags and text (one query), for
    ranking a few candidates again in Python the same way on both databases."""
    ids = list(post_ids)
    if not ids:
        return {}
    marks = ", ".join(["%s"] * len(ids))
    found: dict[int, dict[str, list[str]]] = {}
    with connection.cursor() as cursor:
        if _is_postgres():
            # Title, tags and text only (weights A to C): not the comments and markers.
            cursor.execute(
                "SELECT post_id, ts_filter(vector, '{a,b,c}')::text FROM search_entry "
                f"WHERE post_id IN ({marks})",
                ids,
            )
            by_weight = {"A": "title", "B": "tags", "C": "body"}
            for post_id, text in cursor.fetchall():
                columns: dict[str, list[str]] = {"title": [], "tags": [], "body": []}
                for lexeme, positions in _TS_LEXEME.findall(text):
                    for position in positions.split(","):
                        column = by_weight.get(position[-1:])
                        if column:
                            columns[column].append(lexeme)
                found[post_id] = columns
        else:
            cursor.execute(
                f"SELECT rowid, title, tags, body FROM search_fts WHERE rowid IN ({marks})", ids
            )
            for post_id, title, tags, body in cursor.fetchall():
                found[post_id] = {
                    "title": title.split(),
                    "tags": tags.split(),
                    "body": body.split(),
                }
    return found
