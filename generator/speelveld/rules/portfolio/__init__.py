"""Rules that look at all counted measures together."""
