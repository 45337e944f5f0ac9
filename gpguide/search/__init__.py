"""The search core, free of any UI: normalise → understand → retrieve → rank → explain."""

from gpguide.catalogue import UnknownKommune
from gpguide.search.engine import Answer, EmergencyRoute, Engine, NotOffered, Result
from gpguide.search.understand import Understanding

__all__ = ["Answer", "EmergencyRoute", "Engine", "NotOffered", "Result", "UnknownKommune", "Understanding"]
