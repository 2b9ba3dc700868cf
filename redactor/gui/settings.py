"""Every setting the GUI keeps, declared once with its type, default and description.

Preferences (what the user chooses in the preferences dialog) and window state (recent
cases, geometry, recently used grounds) live in two separate INI files under the platform's
configuration folder (picard's `setting` vs `persist`), so resetting one never loses the other.
REDACTOR_CONFIG_DIR overrides the folder (tests, portable installs).
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar, cast

from PySide6.QtCore import QSettings

from redactor.app.user_dirs import user_dir

log = logging.getLogger(__name__)

CONFIG_DIR_ENV = "REDACTOR_CONFIG_DIR"
T = TypeVar("T")

PREFERENCE = "preferences"
STATE = "state"


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T
    description: str
    kind: str = PREFERENCE  # PREFERENCE or STATE


REVIEWER: Setting[str] = Setting("reviewer", str, "", "Your name as reviewer (empty: the OS user)")
LANGUAGE: Setting[str] = Setting("language", str, "system", "Interface language: system, nl or en")
HIGH_CONTRAST: Setting[bool] = Setting("high_contrast", bool, False, "High-contrast box colours")
SNAP_TO_TEXT: Setting[bool] = Setting("snap_to_text", bool, False, "Snap drawn boxes to words")
FOUR_EYES_DEFAULT: Setting[bool] = Setting(
    "four_eyes", bool, True, "New cases use four-eyes review"
)
SOURCE_CACHE_MB: Setting[int] = Setting(
    "source_cache_mb",
    int,
    4096,
    "Largest size of the copies of sources kept for fast viewing (MB; $REDACTOR_SOURCE_CACHE_MB wins)",
)

RECENT_CASES: Setting[list[str]] = Setting("recent_cases", list, [], "Recently opened cases", STATE)
GROUND_USE: Setting[dict[str, int]] = Setting(
    "ground_use", dict, {}, "How often each ground was chosen (for the picker)", STATE
)
RECENT_GROUNDS: Setting[list[str]] = Setting(
    "recent_grounds", list, [], "Grounds chosen most recently, newest first", STATE
)
WINDOW_GEOMETRY: Setting[str] = Setting("window_geometry", str, "", "Main window geometry", STATE)
WINDOW_STATE: Setting[str] = Setting("window_state", str, "", "Docks and toolbars", STATE)
LAST_FOLDER: Setting[str] = Setting("last_folder", str, "", "Folder of the last file dialog", STATE)

ALL_SETTINGS: tuple[Setting[Any], ...] = (
    REVIEWER,
    LANGUAGE,
    HIGH_CONTRAST,
    SNAP_TO_TEXT,
    FOUR_EYES_DEFAULT,
    SOURCE_CACHE_MB,
    RECENT_CASES,
    GROUND_USE,
    RECENT_GROUNDS,
    WINDOW_GEOMETRY,
    WINDOW_STATE,
    LAST_FOLDER,
)

MAX_RECENT_CASES = 10
MAX_RECENT_GROUNDS = 9


def config_dir() -> Path:
    return user_dir("config", CONFIG_DIR_ENV)


class Settings:
    """Typed access to the two INI files. Pass one instance to whoever needs it."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or config_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        fmt = QSettings.Format.IniFormat
        self._files = {
            PREFERENCE: QSettings(str(self.folder / "preferences.ini"), fmt),
            STATE: QSettings(str(self.folder / "state.ini"), fmt),
        }

    def get(self, setting: Setting[T]) -> T:
        raw = self._files[setting.kind].value(setting.key)
        if raw is None:
            return _copy(setting.default)
        try:
            return _decode(setting, raw)
        except (ValueError, TypeError):
            log.info("ignoring unreadable setting %s=%r", setting.key, raw)
            return _copy(setting.default)

    def set(self, setting: Setting[T], value: T) -> None:
        if setting.type in (list, dict):
            stored: Any = json.dumps(value)
        elif setting.type is bool:
            stored = "true" if value else "false"
        else:
            stored = setting.type(value)
        self._files[setting.kind].setValue(setting.key, stored)

    def sync(self) -> None:
        for qs in self._files.values():
            qs.sync()

    # -- helpers for the lists kept in STATE ------------------------------------------------

    def add_recent_case(self, location: str) -> None:
        cases = [c for c in self.get(RECENT_CASES) if c != location]
        self.set(RECENT_CASES, [location, *cases][:MAX_RECENT_CASES])

    def record_ground_use(self, codes: list[str]) -> None:
        use = self.get(GROUND_USE)
        for code in codes:
            use[code] = int(use.get(code, 0)) + 1
        self.set(GROUND_USE, use)
        recent = [c for c in self.get(RECENT_GROUNDS) if c not in codes]
        self.set(RECENT_GROUNDS, [*codes, *recent][:MAX_RECENT_GROUNDS])


def _decode(setting: Setting[T], raw: Any) -> T:
    if setting.type is bool:
        if isinstance(raw, bool):
            return cast(T, raw)
        return cast(T, str(raw).lower() in ("true", "1", "yes"))
    if setting.type in (list, dict):
        value = json.loads(raw) if isinstance(raw, str) else raw
        if not isinstance(value, setting.type):
            raise TypeError(f"expected {setting.type.__name__}")
        return cast(T, value)
    return cast(T, setting.type(raw))


def _copy(value: T) -> T:
    if isinstance(value, list | dict):
        return cast(T, type(value)(value))
    return value
