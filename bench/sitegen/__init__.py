"""Generated sites of any size, for benchmarks: `python -m bench.generate_site --questions N`.

- plan.py decides what happens on the site (who asks, answers, comments, votes, edits and
  accepts what, and when), deterministically for a seed and a `now`; texts.py has its words.
- bulk.py turns a plan into the rows the actions would have written, with every
  denormalised counter and the points ledger, and database.py loads them in bulk (COPY on
  PostgreSQL, `executemany` on SQLite): a million questions in minutes.
- replay.py passes the same plan through the real actions, slowly; the tests compare the
  two databases column by column (tests/bench/test_sitegen_drift.py).
- rows.py has one named tuple per table, whose fields are the columns written.

Import the submodules after `django.setup()`; plan.py and texts.py need no database.
"""
