"""The Textual chat app (``gpguide`` / ``gpguide tui``)."""
