"""digest: turn a folder of news articles into a cited, deterministic news-digest site."""

__version__ = "0.1.0"
