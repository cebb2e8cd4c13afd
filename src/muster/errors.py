"""Error codes, collected in one place so messages stay consistent and documented."""
from __future__ import annotations

CODES = {
    "E001": "file not found",
    "E002": "empty document",
    "E003": "binary file, not text",
    "E004": "file too large",
    "E005": "cannot decode text (unknown encoding)",
    "E006": "invalid JSON",
    "E007": "no text field in JSON record",
    "E008": "broken HTML: no main text found",
    "E009": "unsupported file type",
    "E010": "pipeline order: a component's requirement is missing",
    "E011": "component returned something else than a Document",
    "E012": "unknown component",
    "E013": "invalid date",
    "E014": "unsupported language",
    "E020": "database error",
    "W001": "no publication date in the document; used the file's modification time",
    "W002": "language not given and could not be identified reliably",
    "W003": "no publication date and no file to take one from",
    "W004": "invalid YAML front matter; block skipped, its metadata ignored",
    "W005": "unparseable publication date; ignored",
    "E015": "invalid or truncated WARC archive",
    "E050": "event pattern: empty trigger",
    "E051": "event pattern: unknown PLOVER event type",
    "E052": "event pattern data: a word list entry is not a string",
    "E060": "cannot read directory",
    "E061": "database not found (queries never create one)",
    "E062": "invalid option value",
    "E063": "Dask scheduler unreachable or cluster failed to start",
    "E064": "not a muster Parquet output folder",
    "E070": "internal error in a pipeline component (a bug in muster: please report it with the input)",
    "W060": "bytes not valid in the text's encoding: decoded line by line, invalid bytes replaced",
    "W061": "resolution pending: incidents incomplete until a run with write access finishes them",
    "E071": "role rules data: roles.yaml names a role rule that does not exist",
}


class MusterError(Exception):
    """An error with a code from CODES and a one-line message."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code} {message}")
        self.code = code
        self.message = message
