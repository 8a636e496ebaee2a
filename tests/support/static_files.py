"""WhiteNoise for the test process: the collected static files are read once per run.

Every test Client builds its own middleware, and WhiteNoise reads the whole static tree
(a stat of every file) each time it is built: a third of a small test's time. The files
never change during a run (./test collects them first), so each instance here reuses the
first scan of a directory. Served files and their headers are the same as in production.
"""

from typing import Any

from whitenoise.middleware import WhiteNoiseMiddleware

_scans: dict[tuple[str, str], dict[str, Any]] = {}


class ScanOnceWhiteNoiseMiddleware(WhiteNoiseMiddleware):
    files: dict[str, Any]

    def update_files_dictionary(self, root: str, prefix: str) -> None:
        key = (root, prefix)
        if key not in _scans:
            kept = self.files
            self.files = {}
            super().update_files_dictionary(root, prefix)
            _scans[key] = self.files
            self.files = kept
        self.files.update(_scans[key])
