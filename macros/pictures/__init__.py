"""Pictures drawn at build time as SVG: maps, the calendar timeline, the EU emblem and QR codes."""
