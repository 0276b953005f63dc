"""How the site treats what a visitor sends: their address, rate limits, cross-site posts, the honeypot, the
numbers and text they type, and that text in staff's exports."""
