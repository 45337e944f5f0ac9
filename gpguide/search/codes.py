"""Diagnosis codes in a GP's question: ICPC-2 (P and Z chapters) and ICD-10 (chapter F), as GPs and specialists
write them («P76», «p 74», «F32.1», «F10.2»)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from gpguide.search import ages

_CODE = re.compile(r"\b([fpz])\s?(\d{2})(?:[.,](\d{1,2}))?\b")


# «mor (F10.2)», «far: F20»: the code is the parent's
_AFTER_PARENT = re.compile(r"\b(?:" + "|".join(sorted(ages.PARENT_WORDS))
                           + r")\s*[(:,]?\s*(?:med\s+|m\s+|har\s+|hadde\s+)?$")


@dataclass(frozen=True)
class Code:
    system: str  # "icpc" | "icd10"
    code: str  # as printed: «P76», «F32.1»
    parents: bool = False  # written right after a parent («mor (F10.2)»)

    @property
    def lookups(self) -> tuple[str, ...]:
        """Keys to look up, most specific first: «F43.1», then «F43»."""
        head = self.code.split(".")[0]
        return (self.code, head) if head != self.code else (self.code,)


def find_codes(folded: str, age_mentions: Sequence[ages.AgeMention] | None = None) -> list[Code]:
    """The codes in the folded text; `age_mentions` are its ages when the caller has read them already."""
    found: list[Code] = []
    # «F 34» with no other age is a woman of 34
    read_as_age = {m.start for m in (ages.mentions(folded) if age_mentions is None else age_mentions)}
    for match in _CODE.finditer(folded):
        letter, digits, sub = match.groups()
        if match.start(2) in read_as_age:
            continue
        parents = bool(_AFTER_PARENT.search(folded, max(0, match.start() - 20), match.start()))
        if letter == "f":
            found.append(Code("icd10", f"F{digits}" + (f".{sub}" if sub else ""), parents))
        elif not sub:
            found.append(Code("icpc", f"{letter.upper()}{digits}", parents))
    return list(dict.fromkeys(found))
