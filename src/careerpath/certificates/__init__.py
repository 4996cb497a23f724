"""Reading CE certificates: text out of the file (text.py), fields out of the text (extract.py)."""
