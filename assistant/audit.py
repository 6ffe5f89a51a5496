"""The library's audit log: one JSON line per change (who, when, what, which document, the file's hash).

Append-only, under the data folder (`library/audit.jsonl`); a line is written after the change took place,
so the log never names a change that did not happen.
"""
from __future__ import annotations

import json
import threading
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path


@dataclass(frozen=True)
class AuditEntry:
    at: str  # ISO 8601, UTC
    who: str
    action: str  # add | replace | remove | restore | restore_version
    doc_id: str
    file_name: str
    sha256: str
    detail: str = ""


def now() -> str:
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


class AuditLog:
    def __init__(self, path: Path):
        self.path = path
        self._lock = threading.Lock()

    def write(self, who: str, action: str, doc_id: str, file_name: str, sha256: str, detail: str = "") -> AuditEntry:
        entry = AuditEntry(now(), who, action, doc_id, file_name, sha256, detail)
        with self._lock:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(asdict(entry), ensure_ascii=False) + "\n")
        return entry

    def entries(self) -> list[AuditEntry]:
        if not self.path.exists():
            return []
        return [AuditEntry(**json.loads(line)) for line in self.path.read_text(encoding="utf-8").splitlines() if line.strip()]
