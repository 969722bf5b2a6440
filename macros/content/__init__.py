"""Reading and checking what editors write: data/, locales/ and the page files in docs/."""
