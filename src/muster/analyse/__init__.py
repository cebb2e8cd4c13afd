"""Analysis over stored events: selections, dyad series and the pattern test."""
