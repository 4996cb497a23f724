"""Desktop notifications from the scheduled `careerpath remind --notify` run.

rule.py decides what is new (each item once per lead time crossed), message.py words the one
notification, settings.py reads quiet hours, desktop.py delivers it through the platform's own
tool or falls back to the terminal and a log file; state.py remembers what was sent.
"""
