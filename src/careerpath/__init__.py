"""careerpath: a career and licensure planner for traveling nurses and therapists."""

__version__ = "0.1.0"
