"""gpguide: find the right municipal mental-health and substance-use service for a patient."""

__version__ = "0.1.0"
