"""The linguistics every stage shares, each piece written once.

Ingest, content checks, analysis and rendering all read English news text: they fold it for comparison,
split it into words and sentences, read its dates, figures and attributions, and compare sentences. Each of
those is here, once, so the stages cannot drift apart. Nothing here reads files, the clock or the network,
and nothing here imports a stage: only the standard library, `digest.memo` (per-topic caches) and the
package's own modules.
"""
