"""The few things the app remembers between runs: the chosen kommune and the colour theme.

Stored as JSON in $XDG_CONFIG_HOME/gpguide/settings.json (default ~/.config/gpguide/settings.json), written
atomically (temporary file in the same directory, then os.replace). Never a patient question: only the keys
listed in ALLOWED are ever written.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from gpguide.files import read_regular

ALLOWED = ("kommune", "theme")
MAX_BYTES = 64 * 1024


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or ""
    root = Path(base) if base and Path(base).is_absolute() else Path.home() / ".config"
    return root / "gpguide"


def settings_path() -> Path:
    return config_dir() / "settings.json"


@dataclass
class Settings:
    kommune: str | None = None
    theme: str | None = None

    @classmethod
    def load(cls, path: Path | None = None) -> "Settings":
        path = path or settings_path()
        try:  # only a small regular file: a FIFO or a device in its place must not block the start
            data = json.loads(read_regular(path, MAX_BYTES))
        except (OSError, ValueError, RecursionError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        return cls(**{k: v for k, v in data.items() if k in ALLOWED and (v is None or isinstance(v, str))})

    def save(self, path: Path | None = None) -> bool:
        """Write atomically; False (and nothing changed) when the directory is not writable."""
        path = path or settings_path()
        data = {k: v for k, v in asdict(self).items() if k in ALLOWED}
        tmp_name = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, prefix=".settings-",
                                             suffix=".tmp", delete=False) as handle:
                tmp_name = handle.name
                json.dump(data, handle, ensure_ascii=False, indent=2)
                handle.write("\n")
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, path)
            return True
        except OSError:
            if tmp_name:
                try:
                    os.unlink(tmp_name)
                except OSError:
                    pass
            return False
