"""Safety triage, run first on the whole question: acute danger, a safety reminder, or nothing.

The signals are data (signals.yaml) that a clinician can read and extend; nothing here depends on the catalogue.
"""

from gpguide.search.triage.detect import Triage, triage

__all__ = ["Triage", "triage"]
