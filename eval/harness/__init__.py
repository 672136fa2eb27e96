"""The evaluation harness behind `make eval`: the digest pipeline measured on real news, beside baselines.

Each module measures one part (cleaning, timelines and summaries, contested points, the seeds) and returns
flat figures named `part.what.how`; `floors` holds the figures reached so that none ever drops.
"""
