"""Rules that look at one measure at a time."""
